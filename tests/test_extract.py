"""Quote extraction and speaker attribution (stance.extract): the conventions of
data/articles/CONVENTIONS.md on invented sentences, the gold-article figures, properties on
random text, bad input, and the ``stance.evaluate_extraction`` entry point."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance.extract import extract_quotes
from stance.extract.scoring import score
from tests.conftest import ROOT, error_lines, run_module

ARTICLES = ROOT / "data" / "articles"


def one(text: str, lang: str):
    qs = extract_quotes(text, lang)
    assert len(qs) == 1, qs
    return qs[0]


def spans_ok(text: str, qs) -> None:
    prev_end = -1
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= prev_end, "statements overlap or are unsorted"
        prev_end = q.end


# --------------------------------------------------------------------------- quote marks
@pytest.mark.parametrize(
    "lang,text,content,speaker",
    [
        ("pl", "Minister Jan Kowalczyk powiedział: „Nie zgodzimy się na to”.", "Nie zgodzimy się na to", "Jan Kowalczyk"),
        ("pl", "„Jesteśmy gotowi” – powiedziała Anna Wróblewska.", "Jesteśmy gotowi", "Anna Wróblewska"),
        ("pl", "«Rozmowy były trudne» – przyznał Piotr Zalewski.", "Rozmowy były trudne", "Piotr Zalewski"),
        ("pl", "»Nie ma zgody« – oświadczył Adam Nowicki.", "Nie ma zgody", "Adam Nowicki"),
        ("en", '"We are ready to talk," said Mark Thornbury.', "We are ready to talk,", "Mark Thornbury"),
        ("en", "“The deal is fair,” said Peter Langham.", "The deal is fair,", "Peter Langham"),
        ("en", "‘We will not give in,’ said Harriet Colvin.", "We will not give in,", "Harriet Colvin"),
        ("en", "'We will not give in,' said Harriet Colvin.", "We will not give in,", "Harriet Colvin"),
    ],
)
def test_quote_mark_styles(lang, text, content, speaker):
    q = one(text, lang)
    assert (q.text, q.speaker, q.kind) == (content, speaker, "direct")


def test_nested_quotes_stay_inside_the_statement():
    text = "Jan Kowalczyk powiedział: „Przeczytałem ‚Raport o stanie wsi’ i nie mam złudzeń”."
    q = one(text, "pl")
    assert q.text == "Przeczytałem ‚Raport o stanie wsi’ i nie mam złudzeń"
    text = "“I have read ‘The Long Road’ twice,” said Lena Marsh."
    assert one(text, "en").text == "I have read ‘The Long Road’ twice,"


def test_apostrophes_are_not_quote_marks():
    q = one("“We don’t accept Britain’s terms,” said Ruth Hallam.", "en")
    assert q.text == "We don’t accept Britain’s terms,"


def test_missing_closing_mark_runs_to_paragraph_end():
    text = "Rzecznik rządu Tomasz Bielak powiedział: „To nie koniec rozmów, spotkamy się znowu.\n\nNastępny akapit."
    q = one(text, "pl")
    assert q.text == "To nie koniec rozmów, spotkamy się znowu."
    assert q.speaker == "Tomasz Bielak"


def test_english_quote_across_paragraphs_is_one_statement():
    text = '"We will talk to everyone.\n\n"We will not give up," said Nora Vance.'
    q = one(text, "en")
    assert q.text == 'We will talk to everyone.\n\n"We will not give up,'
    assert q.speaker == "Nora Vance"


def test_interrupted_quotation_gives_two_pieces():
    text = "„Nie oddamy – powiedział minister Jan Kowalczyk – ani metra ziemi”."
    qs = extract_quotes(text, "pl")
    assert [q.text for q in qs] == ["Nie oddamy", "ani metra ziemi"]
    assert {q.speaker for q in qs} == {"Jan Kowalczyk"}


# --------------------------------------------------------------------------- dash speech
def test_dash_speech_and_continuation_take_the_speaker():
    text = "– Musimy się spotkać w czwartek – powiedział Witkoff.\n\n– I porozmawiać o cenach – dodał."
    qs = extract_quotes(text, "pl")
    assert [q.text for q in qs] == ["Musimy się spotkać w czwartek", "I porozmawiać o cenach"]
    assert [q.speaker for q in qs] == ["Witkoff", "Witkoff"]
    assert [q.kind for q in qs] == ["direct", "direct"]


def test_bare_dash_line_carries_the_previous_speaker():
    text = "– Nie ustąpimy – powiedziała Ewa Sosnowska.\n\n– Tak będzie do końca."
    qs = extract_quotes(text, "pl")
    assert [q.text for q in qs] == ["Nie ustąpimy", "Tak będzie do końca."]
    assert qs[1].speaker == "Ewa Sosnowska" and qs[1].cue is None


# --------------------------------------------------------------------------- reported speech
@pytest.mark.parametrize(
    "lang,text,content,speaker,cue",
    [
        ("pl", "Siergiej Ławrow poinformował, że Moskwa czeka. Dodał również, że Rosja nie zmieni zdania.",
         "Rosja nie zmieni zdania", "Siergiej Ławrow", "Dodał"),
        ("pl", "Ławrow spotkał się z Witkoffem. Zdaniem Witkoffa rozmowy były owocne.", "rozmowy były owocne", "Witkoff", "Zdaniem"),
        ("pl", "Według Siergieja Ławrowa Moskwa nie otrzymała dokumentów.", "Moskwa nie otrzymała dokumentów", "Siergiej Ławrow", "Według"),
        ("pl", "Jak podkreślił Witkoff, kolejna runda rozmów odbędzie się w Genewie.",
         "kolejna runda rozmów odbędzie się w Genewie", "Witkoff", "podkreślił"),
        ("en", "According to Marta Olsen, the talks had stalled.", "the talks had stalled", "Marta Olsen", "According to"),
        ("en", "Finance Minister Oskar Lindgren said that the budget would be cut.", "the budget would be cut", "Oskar Lindgren", "said"),
    ],
)
def test_reported_speech_cues(lang, text, content, speaker, cue):
    qs = [q for q in extract_quotes(text, lang) if q.text == content]
    assert len(qs) == 1, extract_quotes(text, lang)
    assert (qs[0].speaker, qs[0].kind, qs[0].cue) == (speaker, "indirect", cue)


def test_english_pronoun_is_resolved():
    text = "Agnes Moretti was cautious. She said that no agreement had been reached."
    q = one(text, "en")
    assert q.speaker == "Agnes Moretti"


def test_headline_speech():
    text = "Kowalczyk: Nie oddamy ani metra\n\nMinister obrony Jan Kowalczyk spotkał się z żołnierzami."
    q = one(text, "pl")
    assert (q.text, q.speaker, q.cue, q.kind) == ("Nie oddamy ani metra", "Jan Kowalczyk", "headline", "direct")


def test_media_source_and_impersonal_reports_are_no_statements():
    assert extract_quotes("Rozmowy potrwają do piątku – podaje PAP.", "pl") == [] or all(
        q.speaker != "PAP" for q in extract_quotes("Rozmowy potrwają do piątku – podaje PAP.", "pl"))
    assert extract_quotes("W komunikacie przekazano, że ruch na granicy został wstrzymany.", "pl") == []


# --------------------------------------------------------------------------- names
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Steve Witkoff przyjechał do Moskwy. Według Witkoffa rozmowy były konstruktywne.", "Steve Witkoff"),
        ("Steve Witkoff przyjechał do Moskwy. Zdaniem Witkoffa rozmowy były konstruktywne.", "Steve Witkoff"),
        ("Steve Witkoff przyjechał do Moskwy. Ławrow rozmawiał z Witkoffem, który ocenił, że rozmowy są owocne.", "Steve Witkoff"),
        ("Ławrow rozmawiał z Witkoffem, który ocenił, że rozmowy są owocne.", "Witkoff"),
        ("Siergiej Ławrow przyleciał do Ankary. Zdaniem Siergieja Ławrowa rozmowy utknęły.", "Siergiej Ławrow"),
    ],
)
def test_inflected_names_are_normalised_to_the_fullest_form(text, speaker):
    qs = extract_quotes(text, "pl")
    assert qs and {q.speaker for q in qs} == {speaker}


def test_role_then_name_prefers_the_name():
    text = ("Wicepremier Mołdawii ds. handlu Radu Vlăsceanu otworzył obrady. "
            "„Jesteśmy gotowi do rozmów” – powiedział Vlăsceanu.")
    q = one(text, "pl")
    assert q.speaker == "Radu Vlăsceanu"


def test_adverbial_participle_takes_the_following_subject():
    text = "Podkreślając, że rozmowy są trudne, minister Jan Kowalczyk zapowiedział kolejne spotkanie."
    q = one(text, "pl")
    assert (q.text, q.speaker, q.cue) == ("rozmowy są trudne", "Jan Kowalczyk", "Podkreślając")


def test_document_title_in_quotes_is_not_a_statement():
    text = "Rząd przyjął dokument „Strategia rozwoju wsi 2030”. Minister Jan Kowalczyk zapowiedział, że rozmowy potrwają."
    qs = extract_quotes(text, "pl")
    assert [q.text for q in qs] == ["rozmowy potrwają"]


# --------------------------------------------------------------------------- gold articles
def test_gold_articles_reach_the_goal():
    """The rules (``speaker_model="rules"``; the default ranker is trained on these articles and is
    measured by cross-validation instead, experiments/speaker_ranker_cv.py) on seven groups of
    data/articles, each with its own floor per language (F1, speaker accuracy):

    * the 62 written with the extractor in view: 0.95 / 0.92 (measured: en 0.986 / 0.930,
      pl 0.992 / 0.961);
    * round 3, written blind in the held-out genres (pl-b01 … en-b08, 16): 0.90 / 0.85
      (measured: en 0.938 / 0.867, pl 0.954 / 0.926);
    * round 4, written blind aimed at attribution (pl-b09 … pl-b18, en-b09 … en-b16, 18): floors
      just below the figures after the round-4 rules (before them: en 0.932 / 0.732, pl 0.940 /
      0.686; after: en 0.932 / 0.829, pl 0.943 / 0.879);
    * round 5, written blind in interviews, long-form and Polish reported speech (pl-b19 … pl-b34,
      en-b17 … en-b24, 24) and round 6, written blind in live blogs, wires, press conferences and
      hard Polish attribution (pl-b35 … pl-b50, en-b25 … en-b32, 24): floors just below the figures
      after their rules (``ROUND5``, ``ROUND6``);
    * round 7, written blind in Polish reported-speech chains, web-page debris, English long-form
      with inverted attribution and court and wire copy (pl-b51 … pl-b66, en-b33 … en-b48, 32):
      floors just below the figures after its rules (``ROUND7``);
    * round 8, written blind in reported-speech-heavy news and the held-out genres (pl-b67 … pl-b82,
      en-b49 … en-b64, 32): floors just below the figures after its rules (``ROUND8``);
    * round 9, written blind in the held-out genres (pl-b83 … pl-b98, en-b65 … en-b80, 32), measured
      blind and then tuned on: floors just below the figures after its rules (``ROUND9``);
    * round 10, written blind in reported speech with many people, live blogs, interviews,
      hearings, long-form, web pages and local news (pl-b99 … pl-b122, en-b81 … en-b96, 40),
      likewise (``ROUND10``);
    * round 11, written blind in Polish and English reported speech with several people and in
      the held-out genres (pl-b123 … pl-b146, en-b97 … en-b104, 32), measured blind at the end of
      the version whose rules came from round 10 and tuned on by none yet: floors just below
      those figures (``ROUND11``);
    * round 12, written blind in wire, press-conference, regional, committee, court, long-form,
      interview, live-blog, web-page and local Polish news and English wire, local, city-hall,
      feature, interview, live-blog, court and business copy (pl-b147 … pl-b170, en-b105 …
      en-b112, 32), measured blind at the session start and after this session's first rules:
      floors just below those figures (``ROUND12``);
    * round 13, written blind after round 12 was read, in Polish wire, hospital, council, farmers',
      interview, court, university, foreign-affairs, long-form, live-blog, web-page, storm,
      column, sports, permit, layoff, EU, Sejm, border, brief, energy, strike, relayed-interview
      and health-law news and English wire, local, legislature, feature, interview, live-blog,
      court and merger copy (pl-b171 … pl-b194, en-b113 … en-b120, 32), measured blind at the
      session start and at the session's last rule: floors just below (``ROUND13``);
    * round 14, written blind after rounds 12 and 13 were read and CONVENTIONS settled their open
      points, in Polish wire, live-blog, interview, press-conference, court, council, sports,
      web-page, reportage, column, business, health, Sejm, radio, strike and press-review news and
      English wire, live-blog, court, press-conference, sports, earnings-call, web-page, council,
      feature, opinion, interview, hearing, health, family-business, election-night and diplomatic
      copy (pl-b195 … pl-b210, en-b121 … en-b136, 32), measured blind at the session start and at
      the session's last rule: floors just below (``ROUND14``);
    * round 15, written blind after round 14's rules, in Polish regional-TV, prices, school-reform,
      drought, data-leak, city-hall, rail, factory-town, interview, emergency-ward, court, quarry,
      football-finance, flood live-blog, fishing-quota and web-page news and English police,
      school-board, science, transfer, strike-wire, recall, wildfire, profile, hearing, radio,
      budget, opinion, trade, election live-blog, merger and fraud-trial copy (pl-b211 … pl-b226,
      en-b137 … en-b152, 32), measured blind at two session starts and at the next session's
      last rule from round 14: floors just below (``ROUND15``);
    * round 16, written blind after round 15's rules, in Polish agency-wire, Sejm-committee,
      defamation-verdict, election-debate, road-blockade, start-up Q&A, parish, storm live-blog,
      opinion, press-conference, rail-strike, council-budget, mine-reportage, farm-market,
      rector-election and web-page news and English rate-decision, waiting-list, layoffs,
      planning-inquiry, press-conference, marathon live-blog, sentencing, author Q&A, pay-talks,
      university-cuts, tribunal, profile, column, earnings-call, web-page and select-committee copy
      (pl-b227 … pl-b242, en-b153 … en-b168, 32), measured blind at two session starts and at the
      next session's last rule before it was read: floors just below (``ROUND16``);
    * round 17, written blind after round 16's rules, in Polish tariff-wire, trial, school-reform,
      theatre-interview, flood, hospital-merger, party-congress, radio-transcript, sports-scandal,
      cyber-attack, regional-roundup, tenants, foreign-election, wind-farm-appeal, press-release and
      social-media news and English wildfire-wire, legislature, recall, podcast, school-board,
      port-strike, election, medical-study, inquest, celebrity, keynote, economist Q&A, council
      minutes, summit, newsletter-page and obituary copy (pl-b243 … pl-b258, en-b169 … en-b184, 32),
      measured blind at two session starts and at the next session's last rule before it was read:
      floors just below (``ROUND17``);
    * round 18, written blind after round 17's rules, in Polish council-budget, libel-trial,
      drought, union Q&A, protest live-blog, rector-election, novel, transport-strike,
      Sejm-committee, medicine-shortage, obituary, layoffs, summit-wire, kidnapping press
      conference, web-page and opinion news and English select-committee, hurricane live-blog,
      post-match, earnings-call, campaign, sentencing, campus-protest, roundup, water-crisis,
      anonymous-source investigation, TV-transcript, space, column, wage-talks, restaurant and
      press-release copy (pl-b259 … pl-b274, en-b185 … en-b200, 32), measured blind at the start
      and the end of the session that wrote it: floors just below (``ROUND18``);
    * round 19, written blind after round 18's rules, in Polish hospital-closure, mayoral-debate,
      mountain-rescue, ministers' wire, fraud-trial, relegation Q&A, school-closure, energy-prices,
      Sejm-debate, portrait, radio-transcript, wolves, parish-hall, start-up, flood-warning and
      crime-page news and English zoning-hearing, bushfire-briefing, keynote, medical-study,
      fraud-trial, rail-strike, chef Q&A, election-wire, school-board, transfer-saga, podcast,
      wildfire live-blog, obituary, rate-decision, refund-investigation and market-fire copy
      (pl-b275 … pl-b290, en-b201 … en-b216, 32), measured blind at the start and the end of the
      session that wrote it: floors just below (``ROUND19``);
    * round 20, written blind after round 19's rules, in Polish hailstorm-transcript,
      rector-election, dog-attack trial, measles press conference, depot strike, fishing-village
      reportage, volleyball live report, column, bank-results, novelist interview, housing
      cooperative, parish-fair, train-collision wire, drug-trial, Sejm-stenogram and web-page news
      and English drug-pricing hearing, inquest, rent-strike, rugby, TV-interview, earnings-call,
      election-rally, anonymous-source layoffs, op-ed, climate-summit wire, hurricane live-blog,
      jazz profile, encampment, recall, doping-tribunal and web-page copy (pl-b291 … pl-b306,
      en-b217 … en-b232, 32), measured blind at the start and the end of the session that wrote
      it and at the next session's start: floors just below (``ROUND20``);
    * round 21, written blind after round 20's rules, in Polish radio-interview, wildfire,
      notary-trial, budget-session, advice-column, motorway-blockade, memorial, tax-bill roundup,
      flood reportage, start-up, election-night live-blog, waiting-list, Sejm-debate,
      telecom-complaint, web-page and burglary news and English mine-collapse wire, press-briefing,
      wind-farm planning, transfer-saga, podcast, housing-court, asteroid, school-board, pilots'
      strike, clinic feature, cricket, architect Q&A, web-page, obituary, Security Council and
      press-release copy (pl-b307 … pl-b322, en-b233 … en-b248, 32), measured blind at the start
      and the end of the session that wrote it and at the next session's start: floors just below
      (``ROUND21``);
    * round 22, written blind after round 21's rules, in Polish regional-TV script, volleyball press
      conference, strike-referendum, bank-results, mountain-rescuer profile, tram-line, press-review,
      medical-research, border-bridge, parish, agency-flash, economist Q&A, harvest-festival,
      archaeology and waste-fire news and English hurricane live-page, committee-hearing, product-launch,
      dog-attack court, trade-dispute wire, appeal-judgment, student-paper, restaurant-review,
      mayoral-debate, wolf, copyright-trial, brewery-takeover, election-wire, nurses' strike,
      solar-storm and marathon copy (pl-b323 … pl-b338, en-b249 … en-b264, 32), measured blind at the
      start and the end of the session that wrote it and at the next session's start, then read:
      floors just below the figures after its rules (``ROUND22``);
    * round 23, written blind after round 22's rules, in Polish city-council, transfer-rumour,
      fraud-verdict, medicine-shortage, radio-interview, agency-flash, book-review, weather-warning,
      mayoral-debate, student-protest, farmers'-blockade live relay, museum-opening, layoffs,
      astronomy, local-portal web-page and miner-profile news and English budget-vote wire, flood
      live-blog, podcast, data-breach, university press-release, high-school football, zoning-hearing,
      obituary, film-festival, employment-tribunal, port-strike wire, waiting-list, letters-page,
      music-festival, question-time and cyclone-evacuation copy (pl-b339 … pl-b354, en-b265 …
      en-b280, 32), measured blind at the start and the end of the session that wrote it, then read:
      floors just below the figures after its rules (``ROUND23``);
    * round 24, written blind after round 23's rules, in Polish ward-closure, railway-tender
      hearing, avalanche, chess Q&A, teachers'-strike, housing-cooperative, wedding food-poisoning,
      theatre-review, cycling, tax explainer, smuggling, election-night live relay, science
      conference, column, forest-fire and press-review news and English inquest, wildfire live-page,
      debate transcript, recall, library-cuts, tennis wire, quote-box explainer, rail-strike,
      sentencing, tech newsletter, storm briefing, novelist Q&A, school-board, clinical-trial,
      cookie-banner web-page and charity-profile copy (pl-b355 … pl-b370, en-b281 … en-b296, 32),
      measured blind at the start and the end of the session that wrote it, then read: floors just
      below the figures after its rules (``ROUND24``);
    * round 25, written blind after round 24's rules, in Polish tap-water wire, investment-fraud
      verdict, farmers' blockade, radio-interview transcript, football press-conference, rector
      election, museum-theft, farewell, Sejm question-time, waiting-list, bus-company bankruptcy,
      embankment consultation, mayoral TV debate, curriculum explainer, airport-drone live relay and
      fashion-week news and English select-committee, letters-page, trade-press, podcast,
      transfer-rumour, libel-trial, hurricane wire, footbridge inquiry, obituary, zoning-hearing,
      earnings-call, forum-thread, by-election live blog, telescope, restaurant-review and
      strike-ballot copy (pl-b371 … pl-b386, en-b297 … en-b312, 32), measured blind at the start and
      the end of the session that wrote it, then read: floors just below the figures after its rules
      (``ROUND25``);
    * round 26, written blind after round 25's rules, in Polish custody-hearing, council-session,
      book-launch, consumer-intervention, ski-jumping, agency flash, teachers'-strike, storm-warning,
      Sejm committee, mining-town reportage, Q&A interview, Facebook-post, police-release,
      antibiotic-shortage, European Parliament and cancelled-concert news and English markets wrap,
      inquest, school-board, "What they said" round-up, keynote, seal, written-answer, parole,
      wildfire live-page, film-festival jury, medical-study, scraped port-strike page, emergency-call
      court, advice-column, campus-occupation and chef-profile copy (pl-b387 … pl-b402, en-b313 …
      en-b328, 32), measured blind at the start and the end of the session that wrote it, then read:
      floors just below the figures after its rules (``ROUND26``);
    * round 27, written blind after round 26's rules, in Polish wind-farm referendum, obituary,
      heating phone-in, university senate, wine festival, bridge dispute, defamation verdict, village
      feature, farmers' blockade, parking vox pop, Sejm question hour, relegated club, maternity ward,
      zoo Facebook post, scraped tram-derailment page and novelist Q&A news and English planning
      committee, earnings call, strike ballot, cricket, restitution ceremony, employment tribunal,
      fact-check, podcast, election-night live blog, drug recall, town hall, book review, newsletter
      Q&A, trust board minutes, lighthouse keeper and ferry-grounding copy (pl-b403 … pl-b418, en-b329 …
      en-b344, 32), measured blind at the start and the end of the session that wrote it, then read:
      floors just below the figures after its rules (``ROUND27``);
    * round 28, written blind after round 27's rules, in Polish medical-negligence trial, letters page,
      handball preview, quarry radio debate, parish festival, fishermen's protest, town-hall
      cyberattack, bus accident, wolves, budget-vote live report, airport consultation, housing
      cooperative, fire commander's profile, archaeological find, pension change and theatre premiere
      news and English fraud sentencing, rugby press conference, flood meeting, product-recall blog
      post, obituary, nurses' pay, river-treaty wire, bus phone-in, select committee, school
      inspection, cancelled festival, marine-biologist Q&A, hit-and-run appeal, supermarket merger,
      village show and mountain-rescue copy (pl-b419 … pl-b434, en-b345 … en-b360, 32), measured blind
      at the start and the end of the session that wrote it, then read: floors just below the figures
      after its rules (``ROUND28``);
    * round 29, written blind after round 28's rules, in Polish land-dispute appeal, TV bulletin
      transcript, ski jumping, tram-line council session, beekeeper Q&A, maternity ward closure,
      pharmacy robbery, choir anniversary, students' occupation strike, flood warning, book-fair
      panel, live-text mayoral debate, zoo birth, wind-farm petition, chess tournament and timetable
      change news and English timestamped podcast, employment tribunal judgment, lifeboat rescue,
      lecturers' strike, space-launch briefing, county cricket, cyclist's inquest, parish council,
      planning appeal, storm live blog, charity rower, dental data breach, beaver release, twinning
      visit through an interpreter, pub closure and dangerous-dog copy (pl-b435 … pl-b450, en-b361 …
      en-b376, 32), measured blind at the start and the end of the session that wrote it, then read:
      floors just below the figures after its rules (``ROUND29``);
    * round 30, written blind after round 29's rules, in Polish regional budget vote, emergency-ward
      queue, radio morning interview, level-crossing accident, teachers' pay talks, farmers' road
      blockade, defamation verdict, folk festival, handball match, village-head profile, EU-funds
      dispute, national-park wildfire, consumer column, film festival gala, drought and school
      closure vote news and English magistrates' round-up, rugby league, radio phone-in, hospital
      trust board, food recall, graduation, wildfire live blog, novelist Q&A, by-election count,
      start-up funding, flood-defence inquiry, school inspection row, ceasefire wire, letters page,
      city marathon and shopkeeper's obituary copy (pl-b451 … pl-b466, en-b377 … en-b392, 32),
      measured blind at the start and the end of the session that wrote it, then read: floors just
      below the figures after its rules (``ROUND30``);
    * round 31, written blind after round 30's rules, in Polish property-developer fraud trial,
      ski-jumping World Cup, Sejm rail-timetable hearing, press review, bus-depot strike live
      report, beekeeper interview, doctor's obituary, mayoral fact-check, storm live blog, mayoral
      TV debate, letters page with replies, derby press conference, hospitals merger agency copy,
      zoo tapir birth, coal-mine reportage and scraped bridge-repair page, and English planning
      committee, county cricket, podcast transcript, product-launch wire, employment tribunal,
      family charity walk, rail-strike live blog, library-closures column, battery press release,
      storm-warning wire, boxing press conference, museum reopening, coroner's inquest, tenants'
      meeting, chef Q&A and transfer-rumour roundup copy (pl-b467 … pl-b482, en-b393 … en-b408,
      32), measured blind at the start and the end of the session that wrote it, then read: floors
      just below the figures after its rules (``ROUND31``);
    * round 32, written blind after round 31's rules, in Polish civil inheritance trial, housing
      community meeting, emergency-department night shift, university press release on a find,
      volleyball cup final, bus fare rises, theatre director Q&A, budget-debate comment roundup,
      river-flood live blog, smog column, neighbours' tree dispute, architect's obituary, teachers'
      strike dispatch, agricultural fair, disputed penalty and lost-dog social-media search, and
      English fly-tipping case, governors' uniform row, lifeboat rescue, comet wire, rugby league,
      novelist Q&A, count-night live blog, council budget, theatre review roundup, hospital waiting
      lists, tractor protest, water select committee, head teacher's obituary, airline refunds,
      letters page and pothole phone-in copy (pl-b483 … pl-b498, en-b409 … en-b424, 32), measured
      blind at the start and the end of the session that wrote it, then read: floors just below
      the figures after its rules (``ROUND32``);
    * round 33, written blind after round 32's rules, in Polish paid-parking council session,
      hit-and-run trial, mountain rescue, mayoral debate, maternity ward's closure, ski-jumping
      weekend, drought aid, beekeeper Q&A, headteacher competition row, wind-farm consultation
      dispatch, cycling stage, pensions press review, storm live report, folk musician's obituary,
      reopened railway line and bank-fees consumer column, and English planning appeal, county
      cricket, inquest, charity fun run, lecturers' strike, chef Q&A, moorland-fire live blog,
      transfer roundup, assembly question-time sketch, dock-strike wire, literary festival, fraud
      trial, zoo birth, rural-bus meeting, burglary appeal and readers' opinion column copy
      (pl-b499 … pl-b514, en-b425 … en-b440, 32), measured blind at the start and the end of the
      session that wrote it, then read: floors just below the figures after its rules
      (``ROUND33``);
    * round 34, written blind after round 33's rules, in Polish regional-assembly budget vote,
      nurses' strike talks, chess festival, flood-embankment inspection, developer's fraud
      verdict, fishermen's quota protest, theatre premiere review, fire brigade's centenary,
      rector election, marathon live blog, glaciologist Q&A, customs seizure wire, smog press
      conference, homework opinion piece, village council quarrel and football relegation, and
      English lifeboat rescue, bypass parish council, employment tribunal, violin maker Q&A,
      miners' strike wire, by-election live blog, rugby report, museum heist trial, river-flood
      live blog, fishing-town feature, library-closures column, missing-walker police
      conference, tech launch wire, sewage fine, school inspection row and racing festival copy
      (pl-b515 … pl-b530, en-b441 … en-b456, 32), measured blind at the start and the end of the
      session that wrote it, then read: floors just below the figures after its rules
      (``ROUND34``);
    * round 35, written blind after round 34's rules, in Polish hospital-ward closure, ski
      jumping, beekeepers' meeting, Sejm dam hearing, landlord-tenants case, fare rise, wine
      harvest, veterinarian Q&A, farmers' blockade live blog, tax-office bribery wire, headteacher
      contest, Tatra rescue in reported speech, cycle-path dispute, orchestra tour review,
      remote-work column and library renovation, and English coastal-erosion inquiry, county
      cricket, care-home inquest, baker Q&A, bus strike wire, council budget live blog, wind-farm
      appeal, university strike feature, storm live blog, allotment feature, theatre-funding
      column, shoplifting case, zoo birth, ferry-delay row, marathon day and estate demolition
      vote copy (pl-b531 … pl-b546, en-b457 … en-b472, 32), measured blind at the start and the
      end of the session that wrote it, then read: floors just below the figures after its rules
      (``ROUND35``);
    * round 36, written blind after round 35's rules, in Polish regional-airport route,
      malpractice verdict, student council election, fire brigade centenary, parking-zone live
      blog, chemical-spill wire, opera director Q&A, teachers' protest page, volleyball final,
      heating-cost dispute in reported speech, market-square column, cancer screening, embankment
      repair, trade talks, museum theft and emergency call centre, and English car-park charges
      row, rugby league, ceasefire wire, lighthouse keeper Q&A, election-count live blog, charity
      fraud trial, community radio, hosepipe-ban page, academy-conversion meeting, beetle species,
      bakery closures, police-counter column, mountain rescue, rail select committee, port strike
      wire and Christmas market copy (pl-b547 … pl-b562, en-b473 … en-b488, 32), measured blind at
      the start and the end of the session that wrote it, then read: floors just below the figures
      after its rules (``ROUND36``);
    * round 37, written blind after round 36's first scoring, in Polish council budget session,
      maternity-ward wire, wedding-venue noise column, football signing Q&A, ski jumping, water-price
      live blog, neighbours' fence case, tram-line page, rector election, flood-warning wire, theatre
      review, drought aid in reported speech, library reopening, bus drivers' strike, chess club and
      snow-clearing phone-in, and English council tax vote, cricket Test, wildfire live blog, zoo
      birth, ferry collision inquiry, school uniform page, tech lay-offs wire, poet Q&A, tenants'
      union meeting, city marathon, data breach, village pub, fishing-quota talks, burglary
      sentencing, flood-defence column and astronomy copy (pl-b563 … pl-b578, en-b489 … en-b504, 32),
      measured blind at the start and the end of the session that wrote it, then read: floors just
      below the figures after its rules (``ROUND37``);
    * round 38, written blind at the end of round 37's first session, in Polish regional rail debate,
      gas-leak wire, parking-app column, mountain-hut Q&A, handball cup final, storm-surge live blog,
      defamation case, cultural-centre page, hunters and farmers in reported speech, pharmacy
      bankruptcy wire, jazz review, police chief's press conference, family bakery, mayoral TV debate,
      participatory budget and teacher's obituary, and English footpath meeting, rugby union, heatwave
      live blog, lifeboat anniversary, coroner's inquest, bus-route page, shipping merger wire,
      headteacher Q&A, solar farm meeting, golf, hospital cyber attack, village shop, border talks,
      fraud verdict, library-hours column and fossil copy (pl-b579 … pl-b594, en-b505 … en-b520, 32),
      measured blind at two session ends, then read: floors just below the figures after its rules
      (``ROUND38``);
    * round 39, written blind at the start of the session that read round 37, in Polish street-renaming
      council session, bridge-closure wire, e-scooter column, beekeeper Q&A, volleyball league,
      heating-plant live blog, inheritance dispute, music-school page, fishermen and a wind farm in
      reported speech, dairy takeover wire, film festival review, fire chief's press conference,
      village blacksmith, county-head radio debate, rural school closure and hospital director's
      dismissal, and English low-traffic scheme vote, women's hockey, snowstorm live blog, community
      garden, dam safety inquiry, rail timetable page, medicine recall wire, novelist Q&A, quarry
      meeting, rowing regatta, water company press conference, cinema closure, steel-tariff talks,
      drink-driving sentencing, pothole column and archaeology copy (pl-b595 … pl-b610, en-b521 …
      en-b536, 32), measured blind at three session ends, then read: floors just below the figures
      after its rules (``ROUND39``);
    * round 40, written blind at the start of the session that read round 38, in Polish bus-depot
      council debate, power-outage wire, nightclub-noise column, lighthouse keeper Q&A, basketball
      league, drought live blog, boundary case, museum page, shipyard workers in reported speech, bus
      companies' merger wire, theatre review, health-fund director's press conference, family pottery,
      rector TV debate, landfill expansion and forester's obituary, and English skate-park vote,
      netball, river-flooding live blog, repair café, ferry collision inquiry, pool-closure page,
      airline merger wire, zookeeper Q&A, offshore wind consultation, cycling road race, fire chief's
      press conference, bookshop closure, fishing-quota talks, assault sentencing, bin-collection
      column and meteorite copy (pl-b611 … pl-b626, en-b537 … en-b552, 32), measured blind at two
      session ends, then read: floors just below the figures after its rules (``ROUND40``)."""
    arts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.json"))]

    def blind_round(a) -> int:
        m = re.fullmatch(r"(pl|en)-b(\d+)", a["id"])
        if m is None:
            return 0
        n = int(m.group(2))
        if n <= 8:
            return 3
        # the first number of rounds 5 … 40 in each language
        starts = (19, 35, 51, 67, 83, 99, 123, 147, 171, 195, 211, 227, 243, 259, 275, 291, 307, 323, 339, 355, 371, 387, 403, 419, 435, 451, 467, 483, 499, 515, 531, 547, 563, 579, 595, 611) if m.group(1) == "pl" else (17, 25, 33, 49, 65, 81, 97, 105, 113, 121, 137, 153, 169, 185, 201, 217, 233, 249, 265, 281, 297, 313, 329, 345, 361, 377, 393, 409, 425, 441, 457, 473, 489, 505, 521, 537)
        return 4 + sum(n >= first for first in starts)

    groups = {r: [a for a in arts if blind_round(a) == r] for r in (0, *range(3, 41))}
    assert [len(groups[r]) for r in range(3, 41)] == [16, 18, 24, 24, 32, 32, 32, 40, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32]
    floors = {0: {"pl": (0.95, 0.92), "en": (0.95, 0.92)}, 3: {"pl": (0.90, 0.85), "en": (0.90, 0.85)},
              4: ROUND4, 5: ROUND5, 6: ROUND6, 7: ROUND7, 8: ROUND8, 9: ROUND9, 10: ROUND10, 11: ROUND11,
              12: ROUND12, 13: ROUND13, 14: ROUND14, 15: ROUND15, 16: ROUND16, 17: ROUND17, 18: ROUND18, 19: ROUND19,
              20: ROUND20, 21: ROUND21, 22: ROUND22, 23: ROUND23, 24: ROUND24, 25: ROUND25,
              26: ROUND26, 27: ROUND27, 28: ROUND28, 29: ROUND29, 30: ROUND30, 31: ROUND31, 32: ROUND32, 33: ROUND33, 34: ROUND34, 35: ROUND35, 36: ROUND36, 37: ROUND37, 38: ROUND38, 39: ROUND39, 40: ROUND40}
    for r, group in groups.items():
        m = score(group, lambda text, lang: extract_quotes(text, lang, speaker_model="rules")).metrics()
        for lang in ("pl", "en"):
            f1_goal, speaker_goal = floors[r][lang]
            assert m[f"extract_{lang}_f1"] >= f1_goal, (r, lang, m[f"extract_{lang}_f1"])
            assert m[f"extract_{lang}_speaker_acc"] >= speaker_goal, (r, lang, m[f"extract_{lang}_speaker_acc"])


# round-4 floors (F1, speaker accuracy), just below the measured after-rules figures
ROUND4 = {"pl": (0.93, 0.90), "en": (0.93, 0.84)}  # measured: pl 0.943 / 0.915, en 0.940 / 0.856
# rounds 5-7: just below the figures after round 7's rules
ROUND5 = {"pl": (0.94, 0.87), "en": (0.93, 0.84)}  # measured: pl 0.949 / 0.882, en 0.939 / 0.850
ROUND6 = {"pl": (0.96, 0.77), "en": (0.94, 0.75)}  # measured: pl 0.966 / 0.782, en 0.944 / 0.765
ROUND7 = {"pl": (0.96, 0.89), "en": (0.95, 0.86)}  # blind: pl 0.936 / 0.784, en 0.946 / 0.803; after: pl 0.970 / 0.904, en 0.963 / 0.876
ROUND8 = {"pl": (0.95, 0.88), "en": (0.95, 0.89)}  # blind: pl 0.927 / 0.805, en 0.925 / 0.798; after: pl 0.958 / 0.888, en 0.962 / 0.902
ROUND9 = {"pl": (0.95, 0.90), "en": (0.93, 0.89)}  # blind: pl 0.957 / 0.867, en 0.921 / 0.796; after: pl 0.964 / 0.912, en 0.937 / 0.905
ROUND10 = {"pl": (0.96, 0.80), "en": (0.90, 0.82)}  # blind: pl 0.960 / 0.720, en 0.891 / 0.769; after: pl 0.972 / 0.814, en 0.919 / 0.833
ROUND11 = {"pl": (0.95, 0.77), "en": (0.96, 0.75)}  # blind, with round 10's rules: pl 0.959 / 0.788, en 0.977 / 0.764
ROUND12 = {"pl": (0.93, 0.84), "en": (0.93, 0.76)}  # blind at the session start and after its first rules: pl 0.942 / 0.851, en 0.944 / 0.778
ROUND13 = {"pl": (0.94, 0.78), "en": (0.91, 0.68)}  # blind at the session start: pl 0.953 / 0.789, en 0.927 / 0.680; at its last rule: pl 0.952 / 0.792, en 0.927 / 0.698
ROUND14 = {"pl": (0.93, 0.78), "en": (0.92, 0.79)}  # blind at the session start: pl 0.939 / 0.789, en 0.929 / 0.799; at its last rule: pl 0.939 / 0.801, en 0.935 / 0.813
ROUND15 = {"pl": (0.94, 0.81), "en": (0.93, 0.76)}  # blind (rules) at the session start: pl 0.936 / 0.801, en 0.937 / 0.758; at its last rule from round 14: pl 0.945 / 0.819, en 0.944 / 0.770
ROUND16 = {"pl": (0.93, 0.78), "en": (0.90, 0.82)}  # blind (rules) at the session start: pl 0.947 / 0.759, en 0.911 / 0.828; at its last rule before it was read: pl 0.944 / 0.788, en 0.911 / 0.828
ROUND17 = {"pl": (0.94, 0.80), "en": (0.90, 0.89)}  # blind (rules) at the session start: pl 0.951 / 0.774, en 0.908 / 0.848; at its last rule before it was read: pl 0.953 / 0.760, en 0.908 / 0.852; after its rules: pl 0.953 / 0.809, en 0.911 / 0.906
ROUND18 = {"pl": (0.96, 0.81), "en": (0.91, 0.83)}  # blind (rules) at the start of the session that wrote it: pl 0.960 / 0.777, en 0.905 / 0.804 (0.801 overall at its end); after its rules: pl 0.973 / 0.826, en 0.920 / 0.844
ROUND19 = {"pl": (0.94, 0.83), "en": (0.95, 0.85)}  # blind (rules) at the start of the session that wrote it: pl 0.940 / 0.758, en 0.944 / 0.806; at its end: pl 0.941 / 0.786, en 0.951 / 0.812; after its rules: pl 0.945 / 0.840, en 0.953 / 0.863
ROUND20 = {"pl": (0.90, 0.82), "en": (0.95, 0.83)}  # blind (rules) at the start and the end of the session that wrote it: pl 0.906 / 0.761, en 0.944 / 0.791; after its rules: pl 0.910 / 0.826, en 0.953 / 0.837
ROUND21 = {"pl": (0.92, 0.84), "en": (0.92, 0.87)}  # blind (rules) at the start of the session that wrote it: pl 0.923 / 0.809, en 0.914 / 0.798; at its end and the next session's start: pl 0.923 / 0.819, en 0.914 / 0.798; after its rules: pl 0.923 / 0.846, en 0.925 / 0.878
ROUND22 = {"pl": (0.95, 0.81), "en": (0.93, 0.83)}  # blind (rules) at the start of the session that wrote it: pl 0.941 / 0.772, en 0.916 / 0.796; at its end and the next session's start: pl 0.941 / 0.804, en 0.919 / 0.799; after its rules: pl 0.961 / 0.819, en 0.934 / 0.839
ROUND23 = {"pl": (0.92, 0.78), "en": (0.90, 0.89)}  # blind (rules) at the start of the session that wrote it: pl 0.919 / 0.746, en 0.899 / 0.829; at its end and the next session's start: pl 0.921 / 0.755, en 0.905 / 0.827; after its rules: pl 0.934 / 0.797, en 0.912 / 0.904
ROUND24 = {"pl": (0.95, 0.84), "en": (0.93, 0.89)}  # blind (rules) at the start of the session that wrote it: pl 0.926 / 0.832, en 0.925 / 0.821; at its end and the next session's start: pl 0.931 / 0.845, en 0.929 / 0.829; after its rules: pl 0.963 / 0.849, en 0.938 / 0.898
ROUND25 = {"pl": (0.94, 0.90), "en": (0.89, 0.85)}  # blind (rules) at the start of the session that wrote it: pl 0.902 / 0.864, en 0.867 / 0.808; at its end and the next session's start: pl 0.920 / 0.865, en 0.894 / 0.818; after its rules: pl 0.951 / 0.913, en 0.901 / 0.864
ROUND26 = {"pl": (0.94, 0.89), "en": (0.93, 0.89)}  # blind (rules) at the start of the session that wrote it: pl 0.928 / 0.742, en 0.916 / 0.802; at its end and the next session's start: pl 0.926 / 0.746, en 0.918 / 0.814; after its rules: pl 0.945 / 0.895, en 0.934 / 0.892
ROUND27 = {"pl": (0.93, 0.88), "en": (0.91, 0.92)}  # blind (rules) at the start of the session that wrote it: pl 0.930 / 0.841, en 0.902 / 0.816; at its end and the next session's start: pl 0.936 / 0.850, en 0.906 / 0.822; after its rules: pl 0.936 / 0.887, en 0.915 / 0.926
ROUND30 = {"pl": (0.93, 0.85), "en": (0.93, 0.87)}  # blind (rules) at the start of the session that wrote it: pl 0.915 / 0.737, en 0.910 / 0.839; at its end and the next session's start: pl 0.915 / 0.749, en 0.922 / 0.842; after its rules: pl 0.940 / 0.853, en 0.937 / 0.876
ROUND31 = {"pl": (0.92, 0.89), "en": (0.95, 0.89)}  # blind (rules) at the start of the session that wrote it: pl 0.927 / 0.875, en 0.939 / 0.864; at its end and the next session's start: pl 0.927 / 0.886, en 0.939 / 0.864; after its rules: pl 0.927 / 0.901, en 0.956 / 0.901
ROUND32 = {"pl": (0.93, 0.84), "en": (0.93, 0.93)}  # blind (rules) at the start of the session that wrote it: pl 0.942 / 0.831, en 0.931 / 0.916; at its end and the next session's start: pl 0.942 / 0.831, en 0.934 / 0.916; after its rules: pl 0.942 / 0.845, en 0.938 / 0.937
ROUND33 = {"pl": (0.97, 0.88), "en": (0.96, 0.94)}  # blind (rules) at the start of the session that wrote it: pl 0.971 / 0.846, en 0.960 / 0.861; at its end and the next session's start: pl 0.971 / 0.856, en 0.961 / 0.869; after its rules: pl 0.974 / 0.887, en 0.963 / 0.950
ROUND34 = {"pl": (0.93, 0.88), "en": (0.94, 0.88)}  # blind (rules) at the start of the session that wrote it: pl 0.932 / 0.827, en 0.942 / 0.885; at its end and the next session's start: pl 0.932 / 0.827, en 0.943 / 0.888; after its rules: pl 0.932 / 0.892, en 0.945 / 0.891
ROUND35 = {"pl": (0.95, 0.91), "en": (0.91, 0.95)}  # blind (rules) at the start of the session that wrote it: pl 0.954 / 0.887, en 0.918 / 0.931; at its end and the next session's start: pl 0.954 / 0.887, en 0.918 / 0.934; after its rules: pl 0.954 / 0.916, en 0.918 / 0.956
ROUND36 = {"pl": (0.97, 0.91), "en": (0.94, 0.90)}  # blind (rules) at the start of the session that wrote it: pl 0.964 / 0.882, en 0.933 / 0.848; at its end and the next session's start: pl 0.964 / 0.896, en 0.933 / 0.843; after its rules: pl 0.978 / 0.916, en 0.943 / 0.909
ROUND37 = {"pl": (0.95, 0.89), "en": (0.96, 0.91)}  # blind (rules) at the start of the session that wrote it: pl 0.946 / 0.900, en 0.944 / 0.920; at its end: pl 0.946 / 0.900, en 0.945 / 0.918; after its rules: pl 0.957 / 0.902, en 0.967 / 0.921
ROUND38 = {"pl": (0.96, 0.91), "en": (0.92, 0.92)}  # blind (rules) at the end of the session that wrote it: pl 0.956 / 0.895, en 0.921 / 0.897; at the next session's end: pl 0.963 / 0.896, en 0.928 / 0.899; after its rules: pl 0.968 / 0.914, en 0.931 / 0.930
ROUND39 = {"pl": (0.95, 0.84), "en": (0.96, 0.91)}  # blind (rules) at the start of the session that wrote it: pl 0.944 / 0.829, en 0.947 / 0.893; at its end and the next session's end: pl 0.950 / 0.831, en 0.955 / 0.895; after its rules: pl 0.955 / 0.845, en 0.961 / 0.912
ROUND40 = {"pl": (0.95, 0.89), "en": (0.95, 0.90)}  # blind (rules) at the start of the session that wrote it: pl 0.940 / 0.859, en 0.950 / 0.823; at its end: pl 0.937 / 0.866, en 0.950 / 0.823; at the next session's end: pl 0.942 / 0.867, en 0.953 / 0.824; after its rules: pl 0.956 / 0.900, en 0.955 / 0.911
ROUND29 = {"pl": (0.95, 0.84), "en": (0.94, 0.91)}  # blind (rules) at the start of the session that wrote it: pl 0.934 / 0.793, en 0.938 / 0.841; at its end and the next session's start: pl 0.934 / 0.801, en 0.938 / 0.841; after its rules: pl 0.952 / 0.846, en 0.948 / 0.913
ROUND28 = {"pl": (0.93, 0.77), "en": (0.94, 0.82)}  # blind (rules) at the start of the session that wrote it: pl 0.917 / 0.721, en 0.938 / 0.787; at its end and the next session's start: pl 0.917 / 0.721, en 0.940 / 0.794; after its rules: pl 0.937 / 0.778, en 0.943 / 0.826


# --------------------------------------------------------------------------- rules added for the goal
@pytest.mark.parametrize(
    "lang,text,content,speaker",
    [
        # a clause before its attribution
        ("en", "The harbour will reopen to ferries within a week, Transport Minister Alan Pryce said on Monday.",
         "The harbour will reopen to ferries within a week", "Alan Pryce"),
        # a noun cue in a prepositional phrase between the verb and "that"
        ("en", "The Dutch Finance Ministry said in a statement that the bond sale had been postponed.",
         "the bond sale had been postponed", "Dutch Finance Ministry"),
        # a role with a prepositional tail
        ("en", "A spokeswoman for the port operators said around half of the cranes were idle.",
         "around half of the cranes were idle", "spokeswoman for the port operators"),
        # the parenthetical "– jak zaznaczył –"
        ("pl", "Minister Adam Wierzbicki zapewnił, że rząd chce porozumienia, ale – jak zaznaczył – budżet nie jest z gumy.",
         "budżet nie jest z gumy", "Adam Wierzbicki"),
    ],
)
def test_goal_rules(lang, text, content, speaker):
    qs = extract_quotes(text, lang)
    got = [q for q in qs if q.text == content]
    assert got, qs
    assert got[0].speaker == speaker


def test_adding_after_a_hearer_takes_the_subject():
    text = '"The talks were useful," Nora Vance told Reuters, adding that a second round would follow in May.'
    qs = extract_quotes(text, "en")
    assert [q.speaker for q in qs] == ["Nora Vance", "Nora Vance"]
    assert qs[1].text == "a second round would follow in May"


def test_quoted_words_inside_a_reported_clause_belong_to_the_outer_speaker():
    text = 'A council spokeswoman, Ellen Marsh, said that the council welcomed "every offer of help", but added that the budget was fixed.'
    qs = extract_quotes(text, "en")
    assert [(q.text, q.speaker) for q in qs] == [("every offer of help", "Ellen Marsh"), ("the budget was fixed", "Ellen Marsh")]


def test_possessive_role_names_its_institution():
    text = "Komisja Europejska zaapelowała o spokój. Jej rzeczniczka oświadczyła, że Bruksela chce pomóc."
    q = one(text, "pl")
    assert q.speaker == "rzeczniczka Komisji Europejskiej"


def test_collective_speakers_and_country_complements():
    q = one("Rozmowy zaplanowano na wtorek. Rezydenci zapowiadają, że nie przerwą protestu.", "pl")
    assert q.speaker == "rezydenci"
    q = one("Podobnie jest na Łotwie. Szef MSW Łotwy ostrzegł, że sytuacja jest poważna.", "pl")
    assert q.speaker == "szef MSW Łotwy"


def test_quote_followed_by_dash_attribution_is_not_dash_speech():
    text = "„Ten most połączy dwa brzegi.” – mówił Karol Nowicki podczas otwarcia."
    q = one(text, "pl")
    assert (q.text, q.speaker) == ("Ten most połączy dwa brzegi.", "Karol Nowicki")


# --------------------------------------------------------------------------- properties and bad input
_ALPHABET = "abcXYZ ąęłóżĄŁ .,:;!?\n–—-„”“\"'‚‘’«»()Jan Kowalczyk powiedział że said that"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=400), st.sampled_from(["pl", "en", None]))
def test_spans_are_exact_sorted_and_disjoint(text, lang):
    qs = extract_quotes(text, lang)
    spans_ok(text, qs)


@pytest.mark.parametrize("bad", ["", "   \n\n ", "Brak cytatów w tym tekście.", "\x00\x01\xff\ufffd" * 50])
def test_odd_text_gives_an_empty_or_valid_list(bad):
    qs = extract_quotes(bad, "pl")
    assert isinstance(qs, list)
    spans_ok(bad, qs)


@pytest.mark.parametrize("bad, says", [(None, "not NoneType"), (b"tekst", "decode bytes first"), (123, "not int")])
def test_non_string_text_is_a_one_line_type_error(bad, says):
    with pytest.raises(TypeError, match="text must be a str") as err:
        extract_quotes(bad, "pl")
    assert says in str(err.value) and "\n" not in str(err.value)


def test_non_string_lang_is_a_type_error():
    with pytest.raises(TypeError, match="lang must be 'pl', 'en' or None"):
        extract_quotes("Tekst.", 7)


def test_mixed_scripts():
    text = "Премьер сказал: «Мы готовы». 東京 “We agree,” said Aiko Tanaka. „Zgoda” – dodał Jan Nowak."
    for lang in (None, "pl", "en"):
        spans_ok(text, extract_quotes(text, lang))
    assert any(q.text == "We agree," and q.speaker == "Aiko Tanaka" for q in extract_quotes(text, "en"))
    assert any(q.text == "Zgoda" and q.speaker == "Jan Nowak" for q in extract_quotes(text, "pl"))


def test_ten_megabyte_article_returns():
    para = ("„Nie oddamy ani metra” – powiedział minister Jan Kowalczyk. Według Kowalczyka rozmowy potrwają. "
            "Rzecznik rządu zapowiedział, że decyzja zapadnie w piątek.\n\n")
    text = para * (10_000_000 // len(para) + 1)
    qs = extract_quotes(text, "pl")
    assert len(qs) >= 3 * (len(text) // len(para)) - 3
    assert qs[-1].end <= len(text)


def test_adversarial_megabyte_returns():
    rng = random.Random(0)
    pieces = ["„", "”", "\"", "'", "«", "»", "‚", "’", " – ", "—", "-", " ", "\n", "słowo", "Word", ".", ":"]
    text = "".join(rng.choice(pieces) for _ in range(400_000))[:1_000_000]
    qs = extract_quotes(text, "pl")
    spans_ok(text, qs)


# --------------------------------------------------------------------------- entry point
def _article(tmp_path: Path) -> Path:
    text = "„Jesteśmy gotowi” – powiedziała Anna Wróblewska.\n\nMinister Jan Kowalczyk zapowiedział, że rozmowy potrwają."
    s1 = text.index("Jesteśmy")
    s2 = text.index("rozmowy")
    art = {
        "id": "t-01", "lang": "pl", "title": "t", "text": text, "non_statements": [],
        "statements": [
            {"text": "Jesteśmy gotowi", "start": s1, "end": s1 + 15, "speaker": "Anna Wróblewska", "kind": "direct"},
            {"text": "rozmowy potrwają", "start": s2, "end": s2 + 16, "speaker": "Jan Nowak", "kind": "indirect"},
        ],
    }
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "t-01.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    return folder


def test_entry_point_logs_a_run(tmp_path, tracking_uri, hydra_outputs):
    import mlflow

    folder = _article(tmp_path)
    proc = run_module("stance.evaluate_extraction", f"data.path={folder}", f"tracking.uri={tracking_uri}", *hydra_outputs)
    assert proc.returncode == 0, proc.stderr
    assert "speaker_acc" in proc.stdout
    client = mlflow.MlflowClient(tracking_uri)
    exp = client.get_experiment_by_name("quote-stance")
    runs = client.search_runs([exp.experiment_id])
    assert len(runs) == 1 and runs[0].info.status == "FINISHED"
    metrics = runs[0].data.metrics
    assert metrics["extract_pl_f1"] == pytest.approx(1.0)
    assert metrics["extract_pl_speaker_acc"] == pytest.approx(0.5)
    for key in ("extract_precision", "extract_recall", "extract_exact_f1", "extract_kind_acc"):
        assert key in metrics
    names = {a.path for a in client.list_artifacts(runs[0].info.run_id)}
    assert {"misses.jsonl", "report.txt", "config.yaml"} <= names
    local = client.download_artifacts(runs[0].info.run_id, "misses.jsonl", str(tmp_path))
    misses = [json.loads(line) for line in Path(local).read_text(encoding="utf-8").splitlines()]
    assert [m["type"] for m in misses] == ["wrong_speaker"]
    # a single article file works too
    proc = run_module("stance.evaluate_extraction", f"data.path={folder / 't-01.json'}", f"tracking.uri={tracking_uri}", *hydra_outputs)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("case", ["missing", "empty", "malformed", "bad_span"])
def test_entry_point_bad_input(tmp_path, tracking_uri, hydra_outputs, case):
    import mlflow

    if case == "missing":
        path = tmp_path / "nowhere"
    elif case == "empty":
        path = tmp_path / "empty"
        path.mkdir()
    elif case == "malformed":
        path = tmp_path / "bad"
        path.mkdir()
        (path / "x.json").write_text("{not json", encoding="utf-8")
    else:
        path = _article(tmp_path)
        art = json.loads((path / "t-01.json").read_text(encoding="utf-8"))
        art["statements"][0]["end"] = 10**6
        (path / "t-01.json").write_text(json.dumps(art), encoding="utf-8")
    proc = run_module("stance.evaluate_extraction", f"data.path={path}", f"tracking.uri={tracking_uri}", *hydra_outputs)
    assert proc.returncode == 2, proc.stderr
    lines = error_lines(proc)
    assert len(lines) == 1 and lines[0].startswith("stance.evaluate_extraction: error: ")
    assert "Traceback" not in proc.stderr
    client = mlflow.MlflowClient(tracking_uri)
    exp = client.get_experiment_by_name("quote-stance")
    if exp is not None:
        assert all(r.info.status != "RUNNING" for r in client.search_runs([exp.experiment_id]))


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_state_restored(enabled):
    """extract_quotes pauses the cyclic collector for speed and leaves the caller's setting as it was."""
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert one("– Musimy spotkać się w czwartek – powiedział Witkoff.", "pl").speaker == "Witkoff"
        assert gc.isenabled() is enabled
        extract_quotes("   ", "pl")  # the early exit too
        with pytest.raises(TypeError):
            extract_quotes(None, "pl")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_role_matching_by_prefixes():
    """A role resolves to the named person with a compatible role (prefix sets, see _compatible)."""
    text = ("Minister finansów Andrzej Domański przedstawił projekt. "
            "„Budżet jest bezpieczny” – powiedział minister finansów.")
    qs = extract_quotes(text, "pl")
    assert [q.speaker for q in qs if q.kind == "direct"] == ["Andrzej Domański"]


def test_report_by_gold_kind():
    from stance.extract.scoring import score_article

    gold = [{"start": 0, "end": 10, "speaker": "A", "kind": "direct"},
            {"start": 20, "end": 30, "speaker": "B", "kind": "indirect"},
            {"start": 40, "end": 50, "speaker": "C", "kind": "indirect"}]
    pred = [{"start": 0, "end": 10, "speaker": "A", "kind": "direct"},
            {"start": 21, "end": 30, "speaker": "X", "kind": "indirect"}]
    report = score_article("a", "pl", gold, pred)
    m = report.metrics()
    assert m["extract_kind_direct_recall"] == 1.0 and m["extract_kind_indirect_recall"] == 0.5
    assert m["extract_kind_indirect_speaker_acc"] == 0.0 and m["extract_kind_indirect_exact_recall"] == 0.0
    assert "indirect" in report.kind_table()
