"""English role and institution phrases: a role's tail (``for the train operators``), a
capitalised institution's name with its ``of``/``for`` parts and coordinated words, a possessive
run before a role; a mixin of ``phrases.PhraseReader``, which gives the token classes (``kind``,
``words``, ``lows``) and ``_possessive``."""

from __future__ import annotations

from stance.extract.marks import GENITIVE_S

_EN_TAIL_KINDS = frozenset({"word", "tword", "name", "place", "inst", "acro", "cap", "title"})
_EN_CAPS = ("name", "place", "inst", "acro", "cap", "stop", "tword", "title")
_POSSESSIVE_RUN_MAX = 6  # "Larnholm Terminal Operators' Association"
_EN_ORG_TAIL = 12  # tokens of "for the Department for Energy Security and Net Zero"
_ACRONYM_NAME_MAX = 10  # tokens of "Medicines and Healthcare products Regulatory Agency ("
_EN_TAIL_MAX = 7  # tokens of "for Workplace Relations Minister Ellen Marchetti"


class EnglishPhrases:
    """The English half of the phrase reader."""

    def _en_role_tail(self, p: int, j: int, titles: list) -> int:
        """``for/of/at/in (the) X`` after an English role noun, kept when the phrase ends right
        there (a cue, a comma or the limit follows): "spokesperson for the train operators",
        "controllers at the Marseille centre", "an official in the trade ministry". Returns the
        new end (``p`` when not taken)."""
        kind = self.kind
        r = p + 1
        if r < j and kind(r) == "det":
            r += 1
        s = r
        words = self.words
        limit = _EN_TAIL_MAX
        partitive = self.fw.get("partitive", ())
        wh = self.fw.get("wh_word", ())  # ("a voice assistant to keep what Corvane calls": a clause, no tail)
        adverbs = self.fw.get("speech_adverb", ())  # ("A spokesperson for Harbridge Estates later said": no tail word)
        while r < j and r - p <= _EN_TAIL_MAX and self.lows[r] not in self.verb_words and self.lows[r] != "not" and self.lows[r] not in wh \
                and not (r > s and self.lows[r] in adverbs) and (kind(r) in _EN_TAIL_KINDS or (
                kind(r) == "num" and r > s) or (  # "at the mile 20 aid station"
                # "from one of the three delegations": a partitive inside the tail
                self.lows[r] == "of" and r > s and self.lows[r - 1] in partitive) or (kind(r) == "det" and self.lows[r - 1] == "of") or (
                words[r] == "and" and r > s and words[r - 1][:1].isupper() and r + 1 < j and words[r + 1][:1].isupper()) or (
                self.lows[r] == "of" and r > s and kind(r - 1) == "title" and r + 1 < j and words[r + 1][:1].isupper())):
            r += 1  # "Commissioner for Oceans and Fisheries", "spokeswoman for the mayor of Rotterdam"
        if r > s and words[r - 1][:1].isupper():
            listed = self._caps_list_end(r, j)  # "Secretary for Investments, Trade and Industry"
            if listed > r:
                r, limit = listed, _EN_ORG_TAIL
        o = s + 1 if s + 1 < j and kind(s) == "word" and words[s + 1][:1].isupper() else s  # "the provincial Ministry of …"
        if o < j and words[o][:1].isupper():
            org = self._en_org(o, j)  # "spokesman for the Department for Energy Security and Net Zero"
            if org is not None and org >= r:
                r, limit = org, _EN_ORG_TAIL
        if r == s or r - p > limit:
            return p
        named = r
        while named > s and kind(named - 1) == "name":
            named -= 1
        if r - named >= 2 and named > s and kind(named - 1) == "word" and words[named - 1].isalpha() and words[named - 1].islower() \
                and not any(self.is_org(t) for t in range(named, r)):
            r = named  # "director of rugby Kieran Doyle": a full name after a common noun is the role's person
        # the role ends at a cue, a comma, or "and a/an …" (a second description of the person)
        elif r < j and not (kind(r) == "cue" or words[r] == "," or (self.lows[r] in adverbs and r + 1 < len(words) and kind(r + 1) == "cue") or (
                words[r] == "and" and r + 1 < j and words[r + 1].lower() in ("a", "an")) or self._seat_then_end(r, j)):
            return p
        titles.extend(range(p, r))
        return r

    def _seat_then_end(self, r: int, j: int) -> bool:
        """Tokens from ``r`` are the town the office sits in, then a cue or a comma ("spokesperson
        for the U.N. humanitarian office in Tarvel said"): the role keeps its tail without it."""
        if self.lows[r] not in self.fw.get("role_seat_prep", ()):
            return False
        e = r + 1
        while e < j and e - r <= 3 and self.words[e][:1].isupper() and self.kind(e) in ("name", "place", "cap"):
            e += 1
        return e > r + 1 and (e >= j or self.kind(e) == "cue" or self.words[e] == ",")

    def _acronym_defined(self, k: int, j: int) -> int | None:
        """A body's name that its acronym in brackets defines, lower-case words and all ("The
        Medicines and Healthcare products Regulatory Agency (MHRA) said"): the capitalised words'
        initials spell the acronym and the last is an institution's word; the end token or None."""
        words = self.words
        if not words[k][:1].isupper() or "(" not in words[k + 1:min(j, k + _ACRONYM_NAME_MAX)]:
            return None
        p = words.index("(", k + 1)
        if p + 2 >= j or words[p + 2] != ")" or self.kind(p + 1) != "acro" \
                or strip_possessive(words[p - 1]) not in self.lex.org_words \
                or any(not w[:1].isalpha() for w in words[k:p]):
            return None
        letters = "".join(initials(w) for w in words[k:p] if w[:1].isupper())
        return p if len(letters) > 2 and letters == words[p + 1].upper() else None

    def _en_org(self, k: int, j: int) -> int | None:
        """English institution: a capitalised run holding an institution word ("American Soybean
        Growers Council", "China's Ministry of Commerce", "Coordination Headquarters for the
        Treatment of Prisoners of War"); returns the end token or None."""
        words, kind = self.words, self.kind
        defined = self._acronym_defined(k, j)
        if defined is not None:
            return defined
        if kind(k) == "stop" and k in self.sent_initial and words[k] in self.lex.stopcaps:
            return None  # "Later Acme Ltd said", "Meanwhile Westmarch Water said": the body starts after the adverb
        caps = _EN_CAPS
        q = k
        has_org = False
        while q < j and q - k < 8:
            if q > k and words[q] in ("'", "’") and self._possessive(q - 1) and q + 1 < j \
                    and words[q + 1][:1].isupper() and kind(q + 1) in caps:
                q += 1  # "Larnholm Terminal Operators' Association": a plural possessive inside the name
                continue
            if q > k and words[q] == "&" and q + 1 < j and words[q + 1][:1].isupper() and kind(q + 1) in caps:
                q += 1  # "Telford & Wrekin Council": an ampersand inside the name
                continue
            if not has_org and q == k + 1 and words[q] == "of" and k > 0 and kind(k - 1) in ("prep", "det") and kind(k) != "title" \
                    and q + 1 < j and words[q + 1][:1].isupper() and kind(q + 1) in caps:
                q += 1  # "for Vale of White Horse District Council": a place's "of" before the institution's word
                continue  # (not "Helen Marwick of West Mercia Police": a person of the body)
            if not (words[q][:1].isupper() and kind(q) in caps):
                break
            if has_org and kind(q) == "title" and q + 1 < j and kind(q + 1) == "name" \
                    and strip_possessive(words[q + 1]) not in self.lex.org_words:
                break  # "Board President Linda Okafor": the role and its holder after the institution
                # (not "Maple Court Tenants Union": an institution's word after the role noun)
            if strip_possessive(words[q]) in self.lex.org_words:
                has_org = True
            if q > k + 1 and self._possessive(q - 1):
                break
            q += 1
            if not has_org and q > k and not self._possessive(q - 1):
                q = self._coordinated_caps(q, j, caps, False)  # "Fire and Rescue Service": the org word ends it
        if not has_org:
            return None
        if q + 1 < j and words[q] == "and" and words[q + 1][:1].isupper() and kind(q + 1) in caps:
            # "Road and Transport Workers' Federation", "Calder Foods and Northgate Bakeries": the
            # name goes on when another institution's name follows
            after = self._en_org(q + 1, j)
            if after is not None:
                q = after
        # "of Commerce", "for the Treatment of Prisoners of War"
        while q + 1 < j and words[q].lower() in self.fw.get("inst_name_prep", ()) and not self._possessive(q - 1):
            r = q + 1
            if words[r].lower() == "the" and r + 1 < j:
                r += 1
            if not (words[r][:1].isupper() and kind(r) in caps):
                break
            while r < j and words[r][:1].isupper() and kind(r) in caps and not (r > q + 1 and self._role_then_holder(r, j)):
                r += 1  # ("Bank of Canada Deputy Governor Hélène Varga": the bank's name ends at the role)
            # "Ministry of Infrastructure and Water Management", "of Housing, Communities and Local
            # Government": a name's last part may be a list of capitalised words
            while r < j and not self._possessive(r - 1):
                nxt = self._coordinated_caps(r, j, caps, True)
                if nxt == r:
                    break
                while nxt < j and words[nxt][:1].isupper() and kind(nxt) in caps:
                    nxt += 1
                r = nxt
            q = r
        return q

    def _role_then_holder(self, r: int, j: int) -> bool:
        """Capitalised role words from ``r`` on, then a person's name that is no institution word."""
        t = r
        while t < j and self.kind(t) == "title" and self.words[t][:1].isupper():
            t += 1
        return t > r and t < j and self.kind(t) == "name" and strip_possessive(self.words[t]) not in self.lex.org_words

    def _coordinated_caps(self, q: int, j: int, caps: tuple, lists: bool) -> int:
        """The token after "and X" (X capitalised) at ``q``, or with ``lists`` after ", X"
        when an "and" closes the list; else ``q``. Lists only after "of"/"for": a comma after a
        name is an apposition ("Angela Brook, Derbyshire Fire and Rescue Service's chief")."""
        words, kind = self.words, self.kind
        r = q
        if lists and r < j and words[r] == ",":
            r += 1  # a list: ", Communities and …" is taken only when "and" closes it
            s = r
            while s < j and words[s][:1].isupper() and kind(s) in caps and s - r < 3:
                s += 1
            if s == r or s >= j or words[s] != "and":
                return q
        if r < j and words[r] == "and" and r + 1 < j and words[r + 1][:1].isupper() and kind(r + 1) in caps:
            return r + 1
        if r != q and r < j and words[r][:1].isupper():
            return r
        return q

    def _caps_list_end(self, q: int, j: int) -> int:
        """The token after ", X, Y and Z" (capitalised items) at ``q``; ``q`` when no "and"
        closes such a list."""
        words, kind = self.words, self.kind

        def item_end(r: int) -> int:
            while r < j and words[r][:1].isupper() and kind(r) in _EN_CAPS:
                r += 1
            return r

        r = q
        while r + 1 < j and words[r] == "," and item_end(r + 1) > r + 1:
            r = item_end(r + 1)
        if r > q and r + 1 < j and words[r] == "and" and item_end(r + 1) > r + 1:
            return item_end(r + 1)
        return q

    def _possessive_run_end(self, k: int, j: int) -> int | None:
        """The token after a capitalised run from ``k`` that ends in a possessive ("Kessen's",
        "Larnholm Terminal Operators' …"), else None."""
        m = k
        while m < j and m - k < _POSSESSIVE_RUN_MAX and not self._possessive(m):
            if not (self.words[m][:1].isupper() and self.kind(m) in _EN_CAPS):
                return None
            m += 1
        return m + 1 if m < j and self._possessive(m) else None


def initials(word: str) -> str:
    """The letters a capitalised word gives an acronym: an acronym itself ("UK"), else the first
    letter of each capitalised part ("Anti-Doping" -> "AD", "Sanitarno-Epidemiologiczna" -> "SE")."""
    if word.isupper():
        return word
    return "".join(part[0] for part in word.split("-") if part[:1].isupper())


def strip_possessive(w: str) -> str:
    if w.endswith(GENITIVE_S):
        return w[:-2]
    if w.endswith(("s'", "s’")):
        return w[:-1]
    return w
