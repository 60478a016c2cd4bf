"""Junk patterns the cleaner removes, as data.

Every pattern is matched against one whole line (stripped of surrounding spaces) unless
its comment says otherwise, so a sentence that merely mentions "read more" or "photo"
is never touched. Scraped text may be tokenised the Penn Treebank way ("Related :",
"reserved ."), hence the optional spaces before punctuation.
"""

from __future__ import annotations

import re

# --- Reasons, as stored with every removal --------------------------------------------

TEASERS = "related-article teasers"
CAPTION = "photo caption"
REPEATED_CAPTION = "repeated photo caption"
LAYOUT = "layout token"
SIGN_OFF = "agency sign-off"
BLANK_LINES = "blank lines"

# --- Sentences, headlines -----------------------------------------------------------

# Quotes and brackets that may close a sentence after its final punctuation.
CLOSERS = "\"'”’»)]"
# A line ending in one of these (before closers) finishes a sentence.
SENTENCE_END = ".!?…"
# A line ending in one of these leads into more text: never a headline.
LEAD_IN_END = ":;,"
# Teaser headlines are short; longer unpunctuated lines are more likely body text.
HEADLINE_MAX_WORDS = 20

# --- Rule 1: trailing related-article teaser lists ----------------------------------

# A heading on its own line (fullmatch), optionally decorated ("» See more:").
TEASER_HEADING = re.compile(
    r"[\s\-–—»›•*#|]*"
    r"(?:"
    r"(?:see|read|view)\s+(?:more|also)(?:\s+(?:news|stories|articles))?"
    r"|also\s+read"
    r"|related(?:\s+(?:news|articles?|stories|content|coverage|posts|links|topics))?"
    r"|more\s+(?:news|stories|articles)"
    r"|other\s+(?:news|stories|articles)"
    r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)"
    r"|recommended(?:\s+for\s+you)?"
    r")"
    r"\s*[:：]?[\s\-–—«‹•*#|]*",
    re.IGNORECASE,
)
# Teaser lists pair a headline with a blurb; allowing two blurb lines per headline
# still rejects a body section that only has a few subheadings.
TEASER_BLURBS_PER_HEADLINE = 2

# --- Rule 2: photo captions ---------------------------------------------------------

_CREDIT_WORD = r"(?:photo(?:graph)?s?|pic(?:ture)?s?|images?|file\s+photo|ảnh|foto)"
# A photo credit closing the line (search): "(Photo: VNA)", "(Photo/Reuters)",
# "(Ảnh: ...)", PTB "-LRB- Photo : AFP -RRB-", or a bare "Photo: AFP" /
# "Photograph: Name/Agency" whose credit is a few words without punctuation, not a
# sentence.
PHOTO_CREDIT = re.compile(
    rf"(?:\(\s*{_CREDIT_WORD}\b[^()\n]{{0,80}}\)"
    rf"|-LRB-\s*{_CREDIT_WORD}\b[^\n]{{0,80}}?-RRB-"
    rf"|(?:^|(?<=[\s.])){_CREDIT_WORD}\s*[:/]\s*[\w&'’/-]+(?:\s[\w&'’/-]+){{0,5}}"
    r")\s*$",
    re.IGNORECASE,
)
# Cheap substrings one of which every credit contains (checked before the regex).
CREDIT_HINTS = ("photo", "pic", "imag", "ảnh", "foto")
# Positional markers that only captions use (search): "(left)", "(first, left)",
# "(second from right)", "(R)", "(L)", "(centre)". Single letters must be capitals:
# "(r)" is not a marker.
POSITION_MARKER = re.compile(
    r"\(\s*(?:(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s*,?\s*(?:from\s+)?)?"
    r"(?:left|right|centre|center|middle|front|rear|back|top|bottom"
    r"|left\s+to\s+right|right\s+to\s+left|from\s+(?:left|right)"
    r"|(?-i:L|R|L-R|R-L))"
    r"\s*\)",
    re.IGNORECASE,
)
# An unpunctuated line with a marker is a caption only when short.
CAPTION_MAX_WORDS = 30
# A repeat counts when it comes within this many non-blank lines of the first copy.
CAPTION_REPEAT_WINDOW = 3

# --- Rule 3: lone layout tokens -----------------------------------------------------

# Words that HTML-to-text leftovers are made of ("rightimgcaption"). A line holding
# one lowercase token that splits entirely into these words is markup, not prose.
LAYOUT_WORDS = frozenset(
    {
        "left", "right", "center", "centre", "middle", "top", "bottom", "del", "ins",
        "img", "image", "images", "align", "caption", "figure", "figcaption", "fig",
        "thumb", "thumbnail", "photo", "pic", "div", "span", "float", "clear", "inline",
        "block", "both", "none", "full", "width", "wide", "small", "large", "medium",
        "video", "embed", "icon", "box", "wrap", "wrapper", "inner", "outer", "src",
        "alt", "href", "nbsp", "br", "hr", "above", "below", "credit", "credits",
        "byline", "source", "author", "title", "text", "content", "container", "main",
        "hidden", "hide", "show", "mobile", "desktop", "print", "col", "row", "grid",
    }
)  # fmt: skip
# Tokens are short; a longer run of letters is left alone (and bounds the work).
LAYOUT_TOKEN = re.compile(r"[a-z]{3,60}")

# --- Rule 4: agency sign-offs at the end ------------------------------------------

AGENCIES = (
    "VNA", "VNS", "VOV", "AFP", "AP", "Reuters", "Xinhua", "Kyodo", "Yonhap", "Bernama",
    "dpa", "TASS", "PTI", "ANI", "IANS", "UPI", "EFE", "ANSA", "AAP", "Anadolu",
)  # fmt: skip
# Codes match as written or in capitals ("Reuters", "REUTERS"), never in any case, so a
# closing " - Ani" or " - ap" stays text.
_AGENCY = "(?-i:" + "|".join(sorted({*AGENCIES, *(a.upper() for a in AGENCIES)})) + r")\b"
# One or more codes: "VNA/VNS", "AFP - Reuters", "AP and Reuters".
_AGENCY_RUN = rf"{_AGENCY}(?:\s*(?:[-–—/,&+]|and)\s*{_AGENCY})*"
# A line that is only a sign-off (fullmatch): "VNA", "— VNS", "(Reuters)",
# "Source: VNA" or a short "Source: ..." credit without a sentence in it.
AGENCY_LINE = re.compile(
    rf"(?:[-–—]{{1,2}}\s*)?"
    rf"(?:\(\s*{_AGENCY_RUN}\s*\)|(?:source\s*:\s*)?{_AGENCY_RUN}\s*\.?"
    r"|sources?\s*:\s*[^.!?\n]{1,60})",
    re.IGNORECASE,
)
# A code closing the last paragraph: "... officials. — VNS". A dateline opening a
# paragraph ("Hanoi (VNA) –") never matches: the code must end the line.
AGENCY_SUFFIX = re.compile(rf"(?:\s+|(?<=[.!?\"”’]))[-–—]{{1,2}}\s*{_AGENCY_RUN}\s*$")
# "/." after the final sentence (a wire-service end mark): remove just "/.".
SLASH_DOT = re.compile(r"(?<=[.!?\"'”’)\]])\s*/\.\s*$")
# "word/." with no full stop before it: removing the slash leaves the full stop.
WORD_SLASH_DOT = re.compile(r"(?<=\w)/(?=\.\s*$)")

# --- Rule 5: boilerplate lines from scraped pages ---------------------------------

# Boilerplate lines are short; a long line is article text even if a pattern matches.
BOILERPLATE_MAX_WORDS = 40
_OUTLET = (
    r"(?:CNN|Reuters|AP|AFP|Associated\s+Press|BBC(?:\s+News)?|Bloomberg|Fox\s+News"
    r"|(?:The\s+)?Guardian|(?:The\s+)?Washington\s+Post|VNA|VNS|Xinhua)"
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
# (pattern, reason); each is a fullmatch on the stripped line.
BOILERPLATE: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Related: Headline one; Headline two", "Read more: Headline" — links on one line.
    # An inline "Read more:" link is a headline, so a full sentence after it is kept.
    (
        re.compile(
            r"related(?:\s+(?:news|articles?|stories|links|content|coverage|topics|videos?))?"
            r"\s*:\s*\S.*"
            r"|(?:(?:read|see)\s+(?:more|also)|also\s+read)\s*:\s*\S.*(?<![.!?])",
            re.IGNORECASE,
        ),
        "related links",
    ),
    # Finance-page footers: "NYSE and AMEX quotes delayed by at least 20 minutes",
    # "All times are ET", "Market data provided by ...". Exchange names must be
    # capitals, so "The flight was delayed by at least 20 minutes" is not one.
    (
        re.compile(
            r"(?:[A-Z&]{2,}\s+(?:and\s+[A-Z&]{2,}\s+)?)?[Qq]uotes?\s+(?:are\s+)?delayed\b.*"
            r"|[A-Z&]{2,}(?:\s+and\s+[A-Z&]{2,})?\s+delayed\s+by\s+at\s+least\s+\d+\s+min.*"
            r"|(?i:all\s+times\s+(?:are|shown\s+are)\s+(?:ET|EST|EDT|GMT|UTC|local\s+time)\W*)"
            r"|(?i:(?:(?:most|stock|real-time)\s+)*(?:market|quote|stock|price)s?\s+data\s+"
            r"(?:is\s+)?(?:provided|powered|supplied)\s+by\b.*)"
            r"|(?i:the\s+market\s+data\s+is\s+the\s+property\s+of\b.*)"
            r"|(?i:market\s+indexes\s+are\s+shown\s+in\s+real\s+time\b.*)"
        ),
        "market-data disclaimer",
    ),
    # "Copyright 2010 Fox News Network", "Thomson Reuters 2013 All rights reserved".
    (
        re.compile(
            r"(?:\S+\s+){0,4}(?:copyright|©)\s*©?\s*\d{4}\b.*|.*\ball\s+rights\s+reserved\b.*",
            re.IGNORECASE,
        ),
        "copyright notice",
    ),
    # "Click here to ...", "For the full list, click here ." — a dead link prompt.
    (re.compile(r"click\s+here\b.*|.*\bclick\s+here\s*[.!]?", re.IGNORECASE), "link prompt"),
    # Social and tool buttons: "Share this article", "Email | Print", "Tweet".
    (
        re.compile(
            r"(?:(?:share(?:\s+(?:this(?:\s+(?:article|story|page))?|on\s+\w+))?"
            r"|e-?mail(?:\s+this(?:\s+(?:article|story|page))?)?"
            r"|print(?:\s+this(?:\s+(?:article|story|page))?)?"
            r"|tweet|facebook|twitter|linkedin|whatsapp|reddit|pinterest|save|comments?)"
            r"\s*[|/•·,]?\s*)+",
            re.IGNORECASE,
        ),
        "share buttons",
    ),
    # A byline alone on its line: "By Jane Doe, CNN", "By Jane Doe | Reuters",
    # "By the CNN Wire Staff". Bylines glued to a first sentence are not handled.
    (
        re.compile(
            rf"By\s+(?:the\s+{_OUTLET}\s+Wires?\s+[Ss]taff"
            rf"|{_NAME}(?:\s+(?:and|&)\s+{_NAME})?\s*[,|]\s*{_OUTLET}(?:\s+(?:Wire\s+)?[Ss]taff)?)"
            r"(?:\s*\|\s*[\w ,:.]{0,40})?"
        ),
        "byline",
    ),
)

# --- Rule 6: page furniture glued before a line's first sentence -------------------

# Matched at the start of a kept line (after its leading spaces); only the prefix goes.
# Each must be followed by more text, so a line that is only a byline is Rule 5's.
_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# A full name (two to four words) directly followed by the outlet, with no comma between:
# "By Jane Roe, CNN Student News anchor, met ..." is a sentence, not a byline.
_FULL_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}"
GLUED_PREFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    # A byline run into the lead: "By the CNN Wire Staff Gadhafi offers ...",
    # "By Jon Leyne BBC News , Cairo Mass rallies ...". The outlet must be named, so a
    # sentence starting "By Friday ..." or "By contrast ..." is never cut.
    (
        re.compile(
            rf"By\s+(?:the\s+{_OUTLET}\s+Wires?\s+[Ss]taff"
            rf"|{_FULL_NAME}\s+{_OUTLET}(?:\s*,\s*[A-Z][a-z]+)?)\s+(?=\S)"
        ),
        "glued byline",
    ),
    # A wire page's header run into its dateline: "GENEVA | Wed Apr 29 , 2009 3:21 pm BST ".
    (
        re.compile(
            rf"[A-Z][A-Z .'-]{{1,40}}\s*\|\s*{_DAY}\s+{_MON}\s+\d{{1,2}}\s*,\s*\d{{4}}\s+"
            r"\d{1,2}:\d{2}\s*[ap]m\s+[A-Z]{2,4}\s+(?=\S)"
        ),
        "page header",
    ),
)
