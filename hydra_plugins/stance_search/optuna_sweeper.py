"""The entry Hydra instantiates for ``hydra/sweeper=stance_optuna``; the code is ``stance.search``.

Hydra 1.3 instantiates a sweeper only when its class lives in the ``hydra_plugins`` namespace
package (``hydra.core.plugins.Plugins._instantiate``), so this module names it there. Hydra
imports every ``hydra_plugins`` module at start-up: this one imports no heavy library.
"""

import stance.search as _search  # a module, not the class: Hydra's plugin list names the sweeper once


class StanceOptunaSweeper(_search.OptunaSweeper):
    """``stance.search.OptunaSweeper`` under the name Hydra accepts."""
