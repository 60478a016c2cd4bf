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
from dateline.model import CleanResult, Edit

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
    return CleanResult(text=apply_edits(raw, all_edits), edits=all_edits)


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
    tail = _mark_sign_offs(lines, kinds, removed)
    _mark_blank_lines(kinds, removed)
    glued = _glued_prefixes(lines, kinds, removed)
    return _collect(lines, removed) + _blank_line_spaces(lines, kinds, removed) + glued + tail


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
    if n_words <= rules.HEADLINE_MAX_WORDS and _is_unpunctuated(s) and _has_letter(s):
        return HEADLINE, None
    return BODY, None


def _is_unpunctuated(s: str) -> bool:
    """True when ``s`` ends neither a sentence nor a lead-in ("... as follows:")."""
    end = s.rstrip(rules.CLOSERS)
    return not end or end[-1] not in rules.SENTENCE_END + rules.LEAD_IN_END


def _ends_sentence(s: str) -> bool:
    end = s.rstrip(rules.CLOSERS)
    return bool(end) and end[-1] in rules.SENTENCE_END


def _has_letter(s: str) -> bool:
    return any(c.isalpha() for c in s)


def _is_caption(s: str, n_words: int) -> bool:
    tail = s[-_CREDIT_TAIL:].lower()
    if any(hint in tail for hint in rules.CREDIT_HINTS) and rules.PHOTO_CREDIT.search(tail):
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
        match = rules.AGENCY_SUFFIX.search(head) or rules.SLASH_DOT.search(head)
        if match:
            cuts.append((match.start(), end))
            end = match.start()
            continue
        slash = rules.WORD_SLASH_DOT.search(head)
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
