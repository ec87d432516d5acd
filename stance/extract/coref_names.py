"""Coreference for people's names: the fullest form of a name used anywhere in the article
(``Hartwellem`` -> ``Daniel Hartwell``), inflected surnames matched by stem (``Kuleszy`` /
``Kulesza``), a surname inside a longer name, a name in capitals, and the namesakes of a family. A
mixin of ``coref.Coreference``, which gives ``toks``, ``mentions``, ``fulls``, ``gender_of`` and the
memo tables."""

from __future__ import annotations

from functools import cached_property

from stance.extract.coref_bodies import LOOKBACK
from stance.extract.interview import capitals_name, in_capitals, without_honorific
from stance.extract.mentions import Mentions
from stance.extract.morph import is_given_name
from stance.extract.phrases_pl import joined_particle

# a masculine surname's oblique endings ("Corvana", "Corvanowi", "Corvanem") that its base form drops
_OBLIQUE_ENDINGS = frozenset({"a", "owi", "em"})


class NameCoreference:
    """The names half of coreference."""

    def name(self, speaker: str) -> str:
        """The fullest form of a person's name in the document."""
        got = self._name_cache.get(speaker)
        if got is None:
            got = self._fullest(speaker)
            if got != speaker:
                got = self._fullest(got)  # "Ortega" -> "Ortega Ibáñez" -> "Rafael Ortega Ibáñez"
            if got == speaker and joined_particle(speaker, self.toks.fw.get("particle", ())):
                # "Al-Harbi" opening a sentence is the "al-Harbi" of "Fajsal al-Harbi"
                lowered = speaker[0].lower() + speaker[1:]
                got = self._fullest(lowered)
                got = got if got != lowered else speaker
            if got == speaker and " " not in speaker:
                got = self._surname_inside(speaker) or speaker
            if got == speaker and in_capitals(speaker) and len(speaker) > 1:
                got = self._in_capitals(speaker)
            self._name_cache[speaker] = got
        return got

    def _in_capitals(self, speaker: str) -> str:
        """A name in capitals ("MS HARALDSEN", a transcript's label) as the person the text
        names in ordinary case ("Liv Haraldsen"), without its honorific; else as written."""
        plain = without_honorific(capitals_name(speaker), self.toks.fw)
        words = plain.split()
        if in_capitals(plain):
            return speaker  # "G7": no letters to lower
        got = self.name(plain)
        return got if got != plain or words in self.fulls else speaker

    @cached_property
    def _families(self) -> dict[str, list[tuple[str, str]]]:
        """Surname -> the full names ending in it, each with its gender ("" when unknown)."""
        genders: dict[str, str] = dict(self._agreed_genders)
        for m in self.mentions.mentions:
            if m.kind == "name" and m.gender in ("m", "f") and " " in m.speaker:
                genders.setdefault(m.speaker, m.gender)
        out: dict[str, list[tuple[str, str]]] = {}
        for full in self.fulls:
            if len(full) > 1:
                name = " ".join(full)
                out.setdefault(full[-1], []).append((name, genders.get(name) or self.gender_of.get(name, "")))
        return out

    def namesakes(self, speaker: str) -> list[tuple[str, str]]:
        """The full names the text gives with ``speaker``'s surname, each with its gender ("" when
        unknown); ``speaker`` is among them when the text names it in full."""
        return self._families.get(speaker.split()[-1], [])

    def one_or_latest(self, fulls: list[str], pos: int) -> str | None:
        """The only one of the full names ``fulls``, else the one the text wrote last before
        ``pos`` (None: none)."""
        return fulls[0] if len(fulls) == 1 else self.latest_of(fulls, pos) if fulls else None

    def latest_of(self, fulls: list[str], pos: int) -> str | None:
        """Which of the full names ``fulls`` the text wrote last before ``pos`` (None: none)."""
        mentions = self.mentions
        for m in mentions.before(pos, LOOKBACK):
            if m.kind == "name" and m.speaker in fulls:
                return m.speaker
        return None

    def _surname_inside(self, word: str) -> str | None:
        """The one full name a lone surname stands for when it is not the name's last word:
        after a joined particle ("Mahdawi" for "Faraj al-Mahdawi") or the first of two
        surnames ("Salcedo" for "Rodrigo Salcedo Ibarra")."""
        if self._inside is None:
            particles = self.toks.fw.get("particle", ())
            self._inside = {}
            for full in self.fulls:
                inner = [full[-1].partition("-")[2]] if joined_particle(full[-1], particles) else []
                if len(full) == 3:
                    inner.append(full[1])
                for w in inner:
                    self._inside.setdefault(w, set()).add(" ".join(full))
        found = self._inside.get(word, ())
        return next(iter(found)) if len(found) == 1 else None

    def _fullest(self, speaker: str) -> str:
        parts = speaker.split()
        if not parts:
            return speaker
        n = len(parts)
        candidates = self._fulls_for(parts)
        exact = next((full for full in candidates if len(full) > n and full[-n:] == parts), None)
        if exact is not None:
            return " ".join(exact)  # "Sokołowska" is "Ewa Sokołowska", not the "Obora Sokołowskich" of a stem match
        for full in candidates:
            if len(full) <= n:
                if len(full) == n and full != parts and full[:-1] == parts[:-1] and _stem_eq(parts[-1], full[-1]):
                    return " ".join(full)
                continue
            tail = full[-n:]
            if tail[:-1] == parts[:-1] and (  # (an exact tail was taken above)
                    tail[-1].split("-")[0] == parts[-1] or _stem_eq(parts[-1], tail[-1])
                    or _stem_eq(parts[-1], tail[-1].split("-")[0])):
                return " ".join(self._in_base_form(full, parts[-1]))

            if n == 1 and full[0] == parts[0] and not any(f[-1] == parts[0] for f in self.fulls):
                return " ".join(full)  # "Lin" -> "Lin Cheng-hao", "Liang" -> "Liang Weiming"
        return speaker

    def _in_base_form(self, full: list[str], surname: str) -> list[str]:
        """A full name the text gave only in an oblique case ("zwolennicy prezydenta Mateia
        Corvana"), read back in the base form its bare surname shows ("Corvan ogłosił"): the
        surname's ending taken off the given names morfeusz2 does not know too ("Matei Corvan")."""
        last = full[-1]
        ending = last[len(surname):] if last.startswith(surname) else ""
        if not ending or ending not in _OBLIQUE_ENDINGS or not self.toks.lex.rules.case_marked:
            return full
        given = [w[:-len(ending)] if w.endswith(ending) and len(w) > len(ending) + 2 and not is_given_name(w) else w
                 for w in full[:-1]]
        return given + [surname]

    def _fulls_for(self, parts: list[str]) -> list[list[str]]:
        """The full names ``_fullest`` may match for ``parts``, in ``self.fulls`` order: those
        whose last word starts with the same two letters as the last of ``parts`` (every test
        there compares last words by a common prefix) or, for one word, whose first word is it.
        An index instead of a scan: a long text has hundreds of full names."""
        index = self._fulls_index
        if index is None:
            by_last: dict[str, list[int]] = {}
            by_first: dict[str, list[int]] = {}
            for i, full in enumerate(self.fulls):
                by_last.setdefault(full[-1][:2], []).append(i)
                by_first.setdefault(full[0], []).append(i)
            index = self._fulls_index = (by_last, by_first)
        last = parts[-1]
        if len(last) < 2:
            return self.fulls
        found = index[0].get(last[:2], [])
        if len(parts) == 1:
            found = sorted(set(found) | set(index[1].get(last, ())))
        return [self.fulls[i] for i in found]

    def person_gender(self, person: str | None) -> str:
        """A named person's gender as a verb agreed with the name, else as the given name says
        ("Drugi świadek, chirurg dr Paweł Grabiec, przekonywał": the verb agrees with the role)."""
        full = self.name(person)
        return self.gender_of.get(full) or (self.toks.given_gender(full) if full and " " in full else "")


def full_names(mentions: Mentions, events, couple: frozenset = frozenset()) -> list[list[str]]:
    """Every multi-word name, fullest first (nominative subjects first among equals)."""
    refs = [r for r in mentions.mentions if r.kind == "name"]
    refs += [e.ref for e in events if e.ref is not None and e.ref.kind == "name"]
    refs += mentions.content_names
    seen, out, rank = set(), [], {}
    for r in refs:
        parts = r.speaker.split()
        key = tuple(parts)
        if len(parts) >= 2 and not (len(parts) > 2 and parts[1] in couple):  # (a couple, "Adam i Tomasz Mazurowie", is no fuller name of either)
            if key not in seen:
                seen.add(key)
                out.append(parts)
            rank[key] = min(rank.get(key, 1), 0 if r.subject else 1)
    out.sort(key=lambda p: (-len(p), rank.get(tuple(p), 1)))
    return out


def _stem_eq(a: str, b: str) -> bool:
    """Two inflected forms of one surname ("Melnyczenki"/"Melnyczenko", "Kuleszy"/"Kulesza")."""
    if a == b or not a[:1].isupper() or not b[:1].isupper():
        return False
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2
