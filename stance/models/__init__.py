"""Model families behind one interface, ``QuoteClassifier``.

Families (config group ``stance/conf/model/``):

* ``majority`` (:mod:`.majority`): the most frequent training label, the floor;
* ``tfidf_logreg``, ``tfidf_svm`` (:mod:`.tfidf`): word + character n-gram tf-idf with a
  linear classifier per task;
* ``encoder_head`` (:mod:`.encoder_head`): frozen sentence embeddings (the ``encoder``
  group: ``use``, ``e5``, ``e5_hf``, ``minilm``; disk-cached) with a ``logreg`` or
  ``mlp`` head per task: ``model=encoder_head encoder=e5``;
* ``zeroshot_encoder`` (:mod:`.zeroshot`): no training; cosine similarity to embedded
  Polish and English label descriptions (``resources/label_descriptions.json``), softmax
  with a temperature;
* ``ensemble`` (:mod:`.ensemble`): the (weighted) mean of member models' probabilities;
  members are model configs, each saved in its own subfolder;
* ``transformer`` (:mod:`.transformer`): a fine-tuned Hugging Face encoder with a stance and
  a tone head (``model.pretrained=e5-small-offline``, a local path or a cached hub id).

Every family's probabilities can be temperature-scaled on validation (``calibrate``).

``load_model(path)`` loads any saved family.
"""

from stance.models.base import QuoteClassifier, check_texts


def load_model(path):
    """Load a model saved with ``QuoteClassifier.save`` (any family)."""
    return QuoteClassifier.load(path)


__all__ = ["QuoteClassifier", "check_texts", "load_model"]
