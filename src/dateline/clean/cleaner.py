"""Remove scraper junk from an article, by deletion only, recording every removal.

The text is handled line by line (split on ``"\\n"`` only). Each line is classified
once; removals are whole lines (with their line break) except the agency sign-off
marks at the very end ("/.", "— VNS"). The rules see the text as the reader left it
(its structural edits applied) and their spans are mapped back to the raw text, so
they never overlap a structural edit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from dateline.clean import rules
from dateline.clean.detok import detokenise_edits, looks_tokenised
from dateline.clean.offsets import OffsetMap, apply_edits, normalise_edits
from dateline.lexicon.calendar import MONTHS, WEEKDAY_NAMES, short_weekdays
from dateline.model import CleanResult, Edit

_MONTHS = frozenset(MONTHS)
_WEEKDAYS = frozenset(d.lower() for d in WEEKDAY_NAMES + short_weekdays())

# Line kinds. JUNK lines are removed wherever they are; SIGN_OFF lines only at the end;
# the rest feed the teaser-list check and blank-line collapsing.
BLANK, BODY, HEADLINE, HEADING, SIGN_OFF, JUNK = range(6)

# All boilerplate patterns in one alternation (one match attempt per line); the name
# of the group that matched gives the reason.
_BOILERPLATE = re.compile(
    "|".join(
        f"(?P<b{i}>{'(?i:' if p.flags & re.IGNORECASE else '(?:'}{p.pattern}))"
        for i, (p, _) in enumerate(rules.BOILERPLATE)
    )
)
_BOILERPLATE_REASONS = {f"b{i}": reason for i, (_, reason) in enumerate(rules.BOILERPLATE)}
# A photo credit ends its line: searching the tail is enough, and linear in line count.
_CREDIT_TAIL = 160


class _Line(NamedTuple):
    start: int
    end: int  # past the line break, if any
    text: str  # without the line break


def clean(raw: str, edits: Sequence[Edit] = ()) -> CleanResult:
    """Return ``raw`` without its junk, and every edit (the given ones kept as they are)."""
    structural = normalise_edits(edits)
    text = apply_edits(raw, structural) if structural else raw
    found = _find_junk(text)
    if structural:
        found = _to_raw(found, structural)
    all_edits = normalise_edits([*structural, *found, *_detokenise(text, structural, found)])
    clean_text = apply_edits(raw, all_edits)
    # A removal can leave what is junk on its own ("See more" once the credit glued to it
    # is cut): clean what is left until nothing more goes, so cleaning is idempotent. A
    # text the first pass removed nothing from is clean already: no second pass.
    for _ in range(_MAX_PASSES if found else 0):
        again = _find_junk(clean_text)
        if not again:
            break
        all_edits = normalise_edits([*all_edits, *_to_raw(again, all_edits)])
        clean_text = apply_edits(raw, all_edits)
    return CleanResult(text=clean_text, edits=all_edits, not_article=not_article(clean_text))


_MAX_PASSES = 3


def text_for_dating(raw: str, result: CleanResult) -> str:
    """The clean text with its time stamp and byline lines left in.

    They are page furniture, not article text, but they are the page's own record of when
    it was published, which the dating stage reads.
    """
    return apply_edits(raw, [e for e in result.edits if e.reason not in rules.KEPT_FOR_DATING])


def not_article(text: str, title: str | None = None) -> str | None:
    """Why a cleaned page is not an article, or ``None`` when it reads as one.

    An error or refusal page says so in its first lines and has little else; a page that is
    a list of links has many headline-shaped lines and almost no sentences. A page's
    ``title`` (which a reader takes off the text) is its first line: on an error page it
    is often the only line that says so.
    """
    if title and title.strip():
        text = f"{title.strip()}\n\n{text}"
    words = len(text.split())
    if words == 0:
        return rules.NO_TEXT
    if words <= rules.ERROR_PAGE_MAX_WORDS:
        # An error page opens with its message; an article may mention an error later.
        opening = [line.strip() for line in text[:600].split("\n") if line.strip()][:3]
        if any(rules.ERROR_PAGE.match(line) for line in opening):
            return rules.ERROR_PAGE_REASON
    prose = headlines = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        # A cut-off last paragraph still holds whole sentences before its cut.
        has_sentence = _ends_sentence(s) or rules.SENTENCE_BREAK.search(s)
        if has_sentence and len(s.split()) >= rules.SENTENCE_MIN_WORDS:
            prose += len(s.split())
        elif len(s.split()) <= rules.HEADLINE_MAX_WORDS:
            headlines += 1
    if prose < rules.ARTICLE_MIN_PROSE_WORDS and headlines >= rules.LINK_LIST_MIN_LINES:
        return rules.LINK_LIST
    # A one-sentence brief is news all the same: only a page without a sentence is empty.
    return rules.NO_TEXT if prose == 0 else None


def _detokenise(text: str, structural: Sequence[Edit], found: Sequence[Edit]) -> list[Edit]:
    """Detokenising edits for a PTB-tokenised ``text``, in raw offsets.

    Spaces and tokens inside removed junk or a structural edit are left alone: the removal
    (or the reader's edit) decides what happens there.
    """
    if not looks_tokenised(text):
        return []
    edits = detokenise_edits(text)
    if structural:
        offsets = OffsetMap(structural)
        edits = [Edit(*offsets.span_to_raw(e.start, e.end), e.reason, e.replacement) for e in edits]
    taken = sorted((e.start, e.end) for e in [*structural, *found])
    starts = [a for a, _ in taken]
    kept = []
    for edit in edits:
        i = bisect_left(starts, edit.end)  # blocks starting before the edit ends
        if not any(a < edit.end and edit.start < b for a, b in taken[max(0, i - 2) : i]):
            kept.append(edit)
    return kept


def _find_junk(text: str) -> list[Edit]:
    """Removals for ``text``, on its own offsets."""
    lines = _split_lines(text)
    kinds: list[int] = []
    removed: list[str | None] = []
    for line in lines:
        kind, reason = _classify(line.text)
        kinds.append(kind)
        removed.append(reason if kind == JUNK else None)
    _mark_repeated_captions(lines, removed)
    teaser = _teaser_start(kinds)
    if teaser is not None:
        removed[teaser:] = [rules.TEASERS] * (len(lines) - teaser)
    _mark_page_furniture(lines, kinds, removed)
    tail = _mark_sign_offs(lines, kinds, removed)
    _mark_blank_lines(kinds, removed)
    glued = _glued_prefixes(lines, kinds, removed)
    inline = _inline_leftovers(lines, kinds, removed, glued)
    return (
        _collect(lines, removed) + _blank_line_spaces(lines, kinds, removed) + glued + inline + tail
    )


def _mark_page_furniture(
    lines: Sequence[_Line], kinds: Sequence[int], removed: list[str | None]
) -> None:
    """Leftovers told by their place on the page, not by their own words.

    - a logo or tagline above the article: a short all-capitals line, or a short line in
      another script than the page's;
    - a run of at least two headlines (unpunctuated lines, mostly capitalised or cut off
      mid-sentence) after the article's last sentence: related stories;
    - an unpunctuated sentence between two paragraphs: a photo caption when long and in
      sentence case, a related link when it reads "Label: Headline".
    """
    kept = [i for i, r in enumerate(removed) if r is None and kinds[i] != BLANK]
    if not kept:
        return
    latin = sum(_is_latin(lines[i].text) for i in kept) > len(kept) / 2
    first_body = next((i for i in kept if kinds[i] == BODY), len(lines))
    for i in kept:
        if i >= first_body:
            break
        s = lines[i].text.strip()
        n = len(s.split())
        # One capitalised word may be a dateline ("SEATTLE"); a logo has a name and a word.
        capitals = (
            2 <= n <= rules.LOGO_MAX_WORDS and s.isupper() and not any(c.isdigit() for c in s)
        )
        if capitals or (latin and n <= rules.LOGO_MAX_WORDS and len(s) <= 12 and not _is_latin(s)):
            removed[i] = rules.LOGO
    # Related headlines at the end: walk back over cut-off and headline-shaped lines.
    run: list[int] = []
    for i in reversed(kept):
        if removed[i] is not None:
            continue
        s = lines[i].text.strip()
        if (
            _ends_sentence(s)
            or not _is_unpunctuated(s)  # a lead-in ("as follows:") belongs to the text
            or len(s.split()) > rules.RELATED_MAX_WORDS
            or s[0] in rules.BULLETS  # a list closing the article
        ):
            break
        run.append(i)
    # Two lines may be the article's own cut-off end; headlines in title case or three
    # cut-off blurbs in a row are not.
    titled = all(_capitalised_share(lines[i].text.split()) >= 0.6 for i in run)
    if (len(run) >= 3 or (len(run) == 2 and titled)) and any(
        kinds[i] == BODY and _ends_sentence(lines[i].text.strip()) for i in kept
    ):
        for i in run:
            removed[i] = rules.RELATED
    body = [i for i in kept if kinds[i] == BODY and removed[i] is None] or [0]
    for i in kept:
        if removed[i] is not None or kinds[i] != HEADLINE or not body[0] < i < body[-1]:
            continue
        s = lines[i].text.strip()
        words = s.split()
        if rules.LABELLED_HEADLINE.fullmatch(s):
            removed[i] = rules.RELATED
        elif (
            len(words) >= rules.CAPTION_MIN_WORDS
            and _capitalised_share(words) < 0.5
            and s[-1].isalnum()  # a caption ends on a word; a garbled sentence end is text
            and s[0] not in rules.BULLETS  # list items are article text
            and not any(c in s for c in ".!?")
        ):
            removed[i] = rules.CAPTION


_ASCII_LETTER = re.compile("[A-Za-z]")


def _is_latin(s: str) -> bool:
    if s.isascii():  # every letter is Latin: is there one?
        return _ASCII_LETTER.search(s) is not None
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) > len(letters) / 2


def _capitalised_share(words: Sequence[str]) -> float:
    return sum(w[:1].isupper() for w in words) / max(len(words), 1)


def _inline_leftovers(
    lines: Sequence[_Line],
    kinds: Sequence[int],
    removed: Sequence[str | None],
    glued: Sequence[Edit],
) -> list[Edit]:
    """Leftovers inside a kept line: HTML tags, hidden e-mail placeholders, an image file
    name run into its caption, a caption sentence or a "keep reading" link around the text."""
    taken = {e.start for e in glued}
    out: list[Edit] = []
    for line, kind, reason in zip(lines, kinds, removed, strict=True):
        if reason is not None or kind == BLANK:
            continue
        text, base = line.text, line.start
        lead = len(text) - len(text.lstrip())
        spans: list[tuple[int, int, str]] = []
        if "<" in text:
            spans += [
                (m.start(), m.end(), rules.HTML_TAG) for m in rules.HTML_TAG_PATTERN.finditer(text)
            ]
        if "protected" in text:
            spans += [
                (m.start(), m.end(), rules.OBFUSCATED_EMAIL)
                for m in rules.OBFUSCATED_EMAIL_PATTERN.finditer(text)
            ]
        if base + lead not in taken:
            prefix = rules.FILE_NAME_PREFIX.match(text, lead)
            caption = prefix is None and kind == BODY and rules.AGENCY_CAPTION.match(text, lead)
            if prefix and prefix.end() < len(text.rstrip()):
                spans.append((lead, prefix.end(), rules.FILE_NAME))
            elif caption and caption.end() < len(text.rstrip()):
                end = (
                    caption.end() + len(text[caption.end() :]) - len(text[caption.end() :].lstrip())
                )
                spans.append((lead, end, rules.CAPTION))
        tail = text[-rules.READ_ON_TAIL :]
        if "reading" in tail.lower() or "full" in tail.lower():
            offset = len(text) - len(tail)
            for m in rules.READ_ON_SENTENCE.finditer(tail):
                spans.append((offset + m.start(), offset + m.end(), rules.READ_ON))
                break
        spans.sort()
        end = -1
        for a, b, why in spans:
            if a >= end and a < b:
                out.append(Edit(base + a, base + b, why))
                end = b
    return out


def _glued_prefixes(
    lines: Sequence[_Line], kinds: Sequence[int], removed: Sequence[str | None]
) -> list[Edit]:
    """Bylines and page headers run into the first sentence of a kept line."""
    out: list[Edit] = []
    for line, kind, reason in zip(lines, kinds, removed, strict=True):
        if reason is not None or kind != BODY:
            continue
        lead = len(line.text) - len(line.text.lstrip())
        for pattern, why in rules.GLUED_PREFIXES:
            match = pattern.match(line.text, lead)
            if match and match.end() < len(line.text.rstrip()):
                out.append(Edit(line.start + lead, line.start + match.end(), why))
                break
    return out


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            lines.append(_Line(pos, len(text), text[pos:]))
            return lines
        lines.append(_Line(pos, nl + 1, text[pos:nl]))
        pos = nl + 1


def _classify(line: str) -> tuple[int, str | None]:
    """The kind of one line and, for junk, the reason to remove it."""
    s = line.strip()
    if not s:
        return BLANK, None
    if _is_layout_token(s):
        return JUNK, rules.LAYOUT
    n_words = len(s.split())
    if _is_caption(s, n_words):
        return JUNK, rules.CAPTION
    if n_words <= rules.BOILERPLATE_MAX_WORDS:
        match = _BOILERPLATE.fullmatch(s)
        if match and match.lastgroup:
            return JUNK, _BOILERPLATE_REASONS[match.lastgroup]
    if len(s) <= 60:
        if rules.AGENCY_LINE.fullmatch(s):
            return SIGN_OFF, None
        if rules.TEASER_HEADING.fullmatch(s):
            return HEADING, None
    leftover = _page_leftover(s, n_words)
    if leftover is not None:
        return JUNK, leftover
    if n_words <= rules.HEADLINE_MAX_WORDS and _is_unpunctuated(s) and _has_letter(s):
        return HEADLINE, None
    return BODY, None


def _page_leftover(s: str, n_words: int) -> str | None:
    """The reason a whole line is web-page furniture rather than article text, if it is."""
    if n_words <= rules.UI_MAX_WORDS and _is_ui_line(s):
        return rules.ADVERT if "advert" in s.lower() else rules.UI_LINE
    if len(s) <= 80 and rules.COUNTER_LINE.fullmatch(s):
        return rules.COUNTER
    if n_words <= 2 and (rules.FILE_NAME_LINE.fullmatch(s) or rules.URL_LINE_PATTERN.fullmatch(s)):
        return rules.FILE_NAME if rules.FILE_NAME_LINE.fullmatch(s) else rules.URL_LINE
    if n_words <= rules.BYLINE_MAX_WORDS and _is_byline(s):
        return rules.BYLINE
    if n_words <= rules.STAMP_MAX_WORDS and _is_stamp(s):
        return rules.TIMESTAMP
    if n_words <= 12 and (
        rules.READ_ON_PATTERN.fullmatch(s.lstrip("→»›>-–— ")) or rules.INPUTS_NOTE.fullmatch(s)
    ):
        return rules.READ_ON
    if (
        n_words <= rules.CREDIT_OPENING_MAX_WORDS
        and rules.CREDIT_OPENING.match(s)
        # A credit with the article's lead run into it keeps the lead: only a credit
        # alone, or followed by a caption that is no sentence or ends in page controls.
        and (n_words <= rules.CREDIT_ALONE_MAX_WORDS or not _ends_sentence(s) or _ends_in_ui(s))
    ):
        return rules.CAPTION
    if n_words <= rules.PHOTO_DESCRIPTION_MAX_WORDS and rules.PHOTO_DESCRIPTION.match(s):
        return rules.CAPTION
    if (
        n_words <= rules.PROMPT_MAX_WORDS
        and rules.PROMPT_WORDS.search(s)
        and rules.SECOND_PERSON.search(s)
        and not rules.FIRST_PERSON.search(s)
    ):
        return rules.PROMPT
    if n_words <= rules.AUTHOR_NOTE_MAX_WORDS and rules.AUTHOR_NOTE.match(s):
        return rules.AUTHOR_BIO
    return None


def _is_ui_line(s: str) -> bool:
    """Only page-control words ("see less | View Image Page", "[excerpt]", "Subscribe")."""
    words = rules.UI_WORD.findall(s.lower())
    if not words or any(w not in rules.UI_WORDS for w in words):
        return False
    # Nothing but the words and punctuation: no digits, names or other letters.
    if len("".join(words)) != sum(c.isalpha() or c == "-" for c in s):
        return False
    return any(w in rules.UI_STRONG for w in words)


def _ends_in_ui(s: str) -> bool:
    """The line's last segment ("... see less | View Image Page") is page controls."""
    last = re.split(r"[|•·]|\s[-–—]\s", s)[-1].strip()
    return bool(last) and _is_ui_line(last)


def _is_byline(s: str) -> bool:
    """A line naming the author(s): names after "By", nothing that reads as a clause."""
    match = rules.BYLINE_LINE.fullmatch(s)
    if match is None or s.rstrip(rules.CLOSERS)[-1:] in "!?":
        return False
    words = [w.strip(",|.;:") for w in match["names"].split()]
    words = [w for w in words if w and w not in "|&-–—"]
    if not words or len(words) > 8:
        return False
    for w in words:
        if w[0].isupper() or w[0].isdigit() or w.lower() in rules.NAME_LINKS:
            continue
        # One lowercase name part is tolerated ("First lower Last"); a clause has more.
        if sum(1 for v in words if v[0].islower() and v.lower() not in rules.NAME_LINKS) > 1:
            return False
    return s.rstrip()[-1:] != "." or len(words[-1]) <= 3 or words[-1].isupper()


def _is_stamp(s: str) -> bool:
    """A time stamp line: a date with a clock time or zone, and only stamping words."""
    if not (rules.CLOCK.search(s) or any(w.isupper() and len(w) >= 2 for w in s.split())):
        return False
    has_date = False
    for token in s.replace(",", " ").split():
        low = token.lower().rstrip(".:")
        if low in rules.STAMP_WORDS or token in rules.STAMP_WORDS:
            continue
        if low in _MONTHS or low in _WEEKDAYS:
            has_date = True
            continue
        if rules.STAMP_TOKEN.fullmatch(token.rstrip(".")):
            has_date = has_date or (
                any(c.isdigit() for c in token)
                and ("-" in token or "/" in token or len(token) == 4)
            )
            continue
        return False
    return has_date


def _is_unpunctuated(s: str) -> bool:
    """True when ``s`` ends neither a sentence nor a lead-in ("... as follows:")."""
    end = s.rstrip(rules.CLOSERS + " ")  # tokenised text spaces its closers: ". ''"
    return not end or end[-1] not in rules.SENTENCE_END + rules.LEAD_IN_END


def _ends_sentence(s: str) -> bool:
    end = s.rstrip(rules.CLOSERS + " ")
    return bool(end) and end[-1] in rules.SENTENCE_END


def _has_letter(s: str) -> bool:
    return any(c.isalpha() for c in s)


def _is_caption(s: str, n_words: int) -> bool:
    tail = s[-_CREDIT_TAIL:].lower()
    if any(hint in tail for hint in rules.CREDIT_HINTS) and (
        rules.PHOTO_CREDIT.search(tail) or rules.CREDIT_CLOSING.search(s, len(s) - len(tail))
    ):
        return True
    return (
        n_words < rules.CAPTION_MAX_WORDS
        and not _ends_sentence(s)
        and rules.POSITION_MARKER.search(s) is not None
    )


def _is_layout_token(s: str) -> bool:
    """One lowercase token that splits entirely into layout words ("rightimgcaption")."""
    if not rules.LAYOUT_TOKEN.fullmatch(s):
        return False
    # reachable[i]: s[:i] splits into layout words; words are at most 10 letters long
    reachable = [True] + [False] * len(s)
    for i in range(1, len(s) + 1):
        reachable[i] = any(
            reachable[j] and s[j:i] in rules.LAYOUT_WORDS for j in range(max(0, i - 10), i)
        )
    return reachable[-1]


def _mark_repeated_captions(lines: Sequence[_Line], removed: list[str | None]) -> None:
    """A caption seen again within a few non-blank lines is a repeat of the first copy."""
    last_seen: dict[str, int] = {}  # caption words -> index among non-blank lines
    position = 0
    for i, line in enumerate(lines):
        if not line.text.strip():
            continue
        position += 1
        if removed[i] not in (rules.CAPTION, rules.REPEATED_CAPTION):
            continue
        key = " ".join(line.text.split())
        previous = last_seen.get(key)
        if previous is not None and position - previous <= rules.CAPTION_REPEAT_WINDOW:
            removed[i] = rules.REPEATED_CAPTION
        last_seen[key] = position


def _teaser_start(kinds: Sequence[int]) -> int | None:
    """Index of the first heading whose following lines all read as a teaser list.

    The lines after it (captions and other junk aside) must hold at least one headline
    and at most two blurb lines per headline; a heading with nothing after it is a
    dangling link. Counting from the end keeps this linear.
    """
    headlines = blurbs = 0
    start = None
    for i in range(len(kinds) - 1, -1, -1):
        kind = kinds[i]
        if kind == HEADING:
            if headlines == blurbs == 0 or (
                headlines and blurbs <= rules.TEASER_BLURBS_PER_HEADLINE * headlines
            ):
                start = i
        elif kind == HEADLINE:
            headlines += 1
        elif kind == BODY:
            blurbs += 1
    return start


def _mark_sign_offs(
    lines: Sequence[_Line], kinds: Sequence[int], removed: list[str | None]
) -> list[Edit]:
    """Remove sign-off lines at the end, then sign-off marks ending the last line."""
    for i in range(len(lines) - 1, -1, -1):
        if removed[i] is not None or kinds[i] == BLANK:
            continue
        if kinds[i] == SIGN_OFF:
            removed[i] = rules.SIGN_OFF
            continue
        cuts = _sign_off_marks(lines[i].text)
        if not cuts:
            return []
        kept = _without(lines[i].text, cuts)
        if kept.strip() and not rules.AGENCY_LINE.fullmatch(kept.strip()):
            base = lines[i].start
            return [Edit(base + a, base + b, rules.SIGN_OFF) for a, b in cuts]
        removed[i] = rules.SIGN_OFF  # nothing but sign-off marks: drop the line
    return []


def _sign_off_marks(line: str) -> list[tuple[int, int]]:
    """Spans of "/." and "— AGENCY" marks ending ``line`` (a few may be stacked)."""
    cuts: list[tuple[int, int]] = []
    end = len(line)
    for _ in range(4):
        head = line[:end]
        # Lookbehinds still see the characters before ``pos``.
        pos = max(0, len(head.rstrip()) - rules.SIGN_OFF_TAIL)
        match = rules.AGENCY_SUFFIX.search(head, pos) or rules.SLASH_DOT.search(head, pos)
        if match:
            cuts.append((match.start(), end))
            end = match.start()
            continue
        slash = rules.WORD_SLASH_DOT.search(head, pos)
        if slash:
            cuts.append((slash.start(), slash.end()))
        break
    return sorted(cuts)


def _without(line: str, cuts: Sequence[tuple[int, int]]) -> str:
    parts, pos = [], 0
    for a, b in cuts:
        parts.append(line[pos:a])
        pos = b
    parts.append(line[pos:])
    return "".join(parts)


def _mark_blank_lines(kinds: Sequence[int], removed: list[str | None]) -> None:
    """Keep one blank line between paragraphs; none at the start or the end."""
    seen_text = False
    first_blank: int | None = None  # the blank line kept in the current run
    for i, kind in enumerate(kinds):
        if removed[i] is not None:
            continue
        if kind != BLANK:
            seen_text, first_blank = True, None
        elif not seen_text or first_blank is not None:
            removed[i] = rules.BLANK_LINES
        else:
            first_blank = i
    if first_blank is not None:  # blank lines after the last text line
        removed[first_blank] = rules.BLANK_LINES


def _blank_line_spaces(
    lines: Sequence[_Line], kinds: Sequence[int], removed: Sequence[str | None]
) -> list[Edit]:
    """Spaces on a kept blank line, so paragraphs are split by an empty line.

    A carriage return is left alone: it belongs to the text's line-break style.
    """
    return [
        Edit(line.start, line.start + len(line.text), rules.BLANK_LINES)
        for line, kind, reason in zip(lines, kinds, removed, strict=True)
        if kind == BLANK and reason is None and line.text and "\r" not in line.text
    ]


def _collect(lines: Sequence[_Line], removed: Sequence[str | None]) -> list[Edit]:
    """One edit per run of adjacent removed lines with the same reason."""
    out: list[Edit] = []
    for line, reason in zip(lines, removed, strict=True):
        if reason is None or line.end == line.start:
            continue
        if out and out[-1].end == line.start and out[-1].reason == reason:
            out[-1] = Edit(out[-1].start, line.end, reason)
        else:
            out.append(Edit(line.start, line.end, reason))
    return out


def _to_raw(found: Sequence[Edit], structural: Sequence[Edit]) -> list[Edit]:
    """Map edits on the structurally edited text to raw offsets, around structural edits."""
    offsets = OffsetMap(structural)
    starts = [e.start for e in structural]
    out: list[Edit] = []
    for edit in found:
        start, end = offsets.span_to_raw(edit.start, edit.end)
        i = max(bisect_right(starts, start) - 1, 0)
        while i < len(structural) and structural[i].start < end:
            block = structural[i]
            if block.end > start:
                if block.start > start:
                    out.append(Edit(start, block.start, edit.reason))
                start = max(start, block.end)
            i += 1
        if start < end:
            out.append(Edit(start, end, edit.reason))
    return out
