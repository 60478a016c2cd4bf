"""Junk patterns the cleaner removes, as data.

Every pattern is matched against one whole line (stripped of surrounding spaces) unless
its comment says otherwise, so a sentence that merely mentions "read more" or "photo"
is never touched. Scraped text may be tokenised the Penn Treebank way ("Related :",
"reserved ."), hence the optional spaces before punctuation.
"""

from __future__ import annotations

import re

from dateline.lexicon.calendar import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    short_months,
    short_weekdays,
)

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
CREDIT_HINTS = ("photo", "pic", "imag", "ảnh", "foto", "©", "credit", "courtesy")
# Positional markers that only captions use (search): "(left)", "(first, left)",
# "(second from right)", "(R)", "(L)", "(centre)". Single letters must be capitals:
# "(r)" is not a marker.
POSITION_MARKER = re.compile(
    r"\(\s*(?:(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s*(?:,\s*)?(?:from\s+)?)?"
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
# A space run is entered only at its start, so a long run is scanned once, not once a space.
AGENCY_SUFFIX = re.compile(rf"(?:(?<!\s)\s+|(?<=[.!?\"”’]))[-–—]{{1,2}}\s*{_AGENCY_RUN}\s*$")
# Sign-off marks are short: they are searched for only in a line's last characters (its
# trailing spaces aside), which keeps the search linear in the line's length.
SIGN_OFF_TAIL = 80
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
            r"(?:\S+\s+){0,4}(?:copyright|©)\s*(?:©\s*)?\d{4}\b.*|.*\ball\s+rights\s+reserved\b.*",
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
            r"\s*(?:[|/•·,]\s*)?)+",  # one way to split spaces around a separator
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
_DAY = rf"(?:{'|'.join(short_weekdays())})"
_MON = rf"(?:{'|'.join(short_months())})"
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

# --- Rule 7: web-page leftovers, by shape and a general UI vocabulary ----------------

ADVERT = "advertisement"
UI_LINE = "page controls"
COUNTER = "reader counter"
PROMPT = "subscribe or comment prompt"
BYLINE = "byline"
AUTHOR_BIO = "author note"
TIMESTAMP = "timestamp line"
FILE_NAME = "image file name"
URL_LINE = "bare link"
HTML_TAG = "html markup"
OBFUSCATED_EMAIL = "hidden e-mail address"
LOGO = "logo or tagline"
RELATED = "related headlines"
READ_ON = "read-on link"

# Words page controls are made of. A short line holding only these (and at least one of
# UI_STRONG) is a control or a label, never a sentence: "see less | View Image Page",
# "Leave a comment", "ADVERTISEMENT", "[excerpt]", "Subscribe".
UI_WORDS = frozenset(
    {
        "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
        "subscribe", "subscribed", "unsubscribe", "sign", "log", "login", "logout", "register",
        "newsletter", "newsletters", "comment", "comments", "reply", "replies", "leave", "post",
        "share", "follow", "us", "read", "more", "less", "see", "view", "image", "images",
        "page", "gallery", "photo", "photos", "video", "videos", "watch", "listen", "play",
        "continue", "reading", "excerpt", "menu", "home", "search", "skip", "content",
        "close", "next", "previous", "prev", "back", "top", "print", "email", "e-mail", "up",
        "in", "out", "to", "a", "an", "the", "this", "all", "show", "hide", "expand",
        "collapse", "full", "screen", "fullscreen", "story", "article", "enlarge", "toggle",
        "caption", "open", "load", "loading", "now", "here", "click", "tap", "download",
        "app", "free", "trial", "account", "my", "your", "of", "and", "or", "on",
    }
)  # fmt: skip
UI_STRONG = frozenset(
    {
        "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
        "subscribe", "unsubscribe", "login", "logout", "newsletter", "newsletters",
        "comment", "comments", "reply", "share", "follow", "more", "less", "view", "gallery",
        "excerpt", "menu", "skip", "enlarge", "toggle", "fullscreen", "caption", "loading",
        "download", "register", "sign", "log", "watch", "listen",
    }
)  # fmt: skip
UI_MAX_WORDS = 8
UI_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")

# Counters: "264 people read this", "718 views", "There are 0 comments.", optionally after
# the time stamp they belong to ("2025-05-02 05:00718 view").
COUNTER_LINE = re.compile(
    r"[\d\s:/.,-]{0,24}?\d[\d,.]*\s*(?:[kKmM]\s*)?"
    r"(?:views?|reads?|comments?|shares?|likes?|reactions?|(?:people|readers|users)\s+"
    r"(?:have\s+)?(?:read|viewed|shared|liked)(?:\s+(?:this|it))?(?:\s+\w+)?)\W*"
    r"|there\s+(?:are|is)\s+(?:no|\d+)\s+comments?\W*"
    r"|(?:no|\d+)\s+comments?(?:\s+so\s+far)?\W*",
    re.IGNORECASE,
)

# Prompts addressed to the reader: newsletter sign-ups, comment rules. Second person plus
# a word that only such prompts use.
PROMPT_WORDS = re.compile(
    r"\b(?:inbox|newsletters?|subscribe|subscription|subscriber|unsubscribe|sign\s+up"
    r"|log\s+in|display\s+name|commenting|paywall)\b",
    re.IGNORECASE,
)
SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
PROMPT_MAX_WORDS = 35
# Readers' comments and transcripts speak in the first person; site prompts do not.
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I 've|me|my)\b|^[A-Z]{2,}\s*:")

# A byline line: "By First Last", "By Staff, Agencies", "By First M. Last | Agency",
# "By First Last<Month> 21, 2024", possibly after a short page label ending in ")", "|"
# or a dash. The words after "By" must read as a name list, not as a clause.
BYLINE_LINE = re.compile(r"(?:[^.!?\n]{0,60}?[)|:\-–—]\s*)?By\s+(?P<names>[A-Z][^\n]{0,100})")
BYLINE_MAX_WORDS = 12
# Lowercase words allowed inside a byline's names ("and", "de", "van").
NAME_LINKS = frozenset({"and", "de", "da", "del", "van", "von", "der", "bin", "al", "la", "le"})

# "X is a travel reporter for Y", "X is the paper's senior correspondent at Y": a
# note about the author, not the story.
AUTHOR_NOTE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+is\s+(?:a|an|the)\s+"
    r"(?:[\w'’-]+\s+){0,5}?"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor"
    r"|photographer|photojournalist)\b"
    r"\s+(?:for|at|with|of)\b"  # the employer; "a writer in Cairo" is a source
)
AUTHOR_NOTE_MAX_WORDS = 60

# Time stamp lines: "Published - October 12, 2024 03:10 am IST", "Updated: 16 October,
# 07:24 GMT". Only a date/time and the words that stamp it, with a clock time or a zone.
STAMP_WORDS = frozenset(
    {
        "published", "updated", "posted", "modified", "last", "first", "on", "at", "date",
        "am", "pm", "a.m", "p.m", "|", "-", "–", "—", ":", "/", "time",
    }
)  # fmt: skip
STAMP_TOKEN = re.compile(
    r"\d{1,4}(?:[-/.:]\d{1,4}){0,2}(?:am|pm)?|[A-Z]{2,5}|\(?(?:UTC|GMT)[+-]\d{1,2}(?::?\d\d)?\)?"
)
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
STAMP_MAX_WORDS = 12

# Image file names: "Photo_Name.jpeg", "IMG_2041.JPG", "ceremony (1).jpg", camera names
# ("DSC01234"), and long hashes alone on a line. Glued before a caption, only the name goes.
_IMAGE_EXT = r"(?i:jpe?g|png|gif|webp|avif|svg|bmp|heic|tiff?)"
FILE_NAME_LINE = re.compile(
    rf"[\w%.+~-]+(?:\s*\(\d+\))?\.{_IMAGE_EXT}"
    r"|(?:IMG|DSC|DSCN|DSCF|PXL|MVI|GOPR|DJI|SAM|VID|PIC)[_-]?\d{3,}(?:[_-]\w+)?"
    r"|(?=[a-z]*\d)(?=\d*[a-z])[0-9a-f]{16,}"
    r"|(?=[A-Za-z_-]*\d)(?=[\d_-]*[A-Za-z])[A-Za-z0-9_-]{24,}"
)
# A file name run into the caption that follows ("Name_Place.jpegUS Defense ...").
FILE_NAME_PREFIX = re.compile(rf"[\w%.+~-]{{1,80}}(?:\s?\(\d+\))?\.{_IMAGE_EXT}(?![a-z])")

# A line that is only a link: "https://example.com/a/b/", "www.example.com".
URL_LINE_PATTERN = re.compile(r"[<(\[]?(?:https?://|www\.)\S+[>)\]]?")
# Raw HTML tags left in the text: "<a href=... target=...>", "</a>", "<br/>". Only tag
# names HTML has, so "x <5 km" or "<sigh>" stay text.
HTML_TAGS = (
    "a", "abbr", "b", "blockquote", "br", "div", "em", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "li", "ol", "p", "picture", "script",
    "section", "small", "source", "span", "strong", "style", "sub", "sup", "table", "td",
    "th", "tr", "u", "ul", "video",
)  # fmt: skip
HTML_TAG_PATTERN = re.compile(
    r"</?(?i:" + "|".join(sorted(HTML_TAGS, key=len, reverse=True)) + r")"
    r"(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>\n]{0,500}\"|'[^'<>\n]{0,500}'|[^\s<>\"']{1,500}))?){0,20}"
    r"\s{0,20}/?>"
)
# Cloudflare's placeholder for an e-mail address it hid.
OBFUSCATED_EMAIL_PATTERN = re.compile(r"\[\s*email\s+(?:&#160;|\s)*protected\s*\]", re.I)

# "Continue reading at ...", "Keep reading for the full statement ...": a link to the rest.
READ_ON_PATTERN = re.compile(
    r"(?:continue|keep)\s+reading\b[^.!?\n]{0,100}[.!?]?"
    r"|(?:read|see)\s+(?:the\s+)?(?:full|whole|rest\s+of\s+the)\s+(?:story|article|statement)"
    r"\b[^.!?\n]{0,80}[.!?]?",
    re.IGNORECASE,
)
# "(With inputs from agencies.)", "(With inputs from PTI)": a wire note.
INPUTS_NOTE = re.compile(
    r"\(?\s*with\s+(?:additional\s+)?(?:inputs?|reporting|agency\s+inputs)\s+from\s+"
    r"[\w .,&'’-]{1,60}\)?\.?\)?",
    re.IGNORECASE,
)

# Photo credits and captions by their opening: "© AP Photo / Name", "Photo By Name | ...",
# "Credit: Name", "Courtesy: Name", "In this Feb. 2018 file photo, ...".
CREDIT_OPENING = re.compile(
    r"©"
    r"|(?:photo(?:graph)?s?|image|picture|pic)\s*(?:(?:by|credit|courtesy)\s*)?[:|/]"
    r"|(?:photo(?:graph)?s?|image|picture)\s+(?:by|courtesy\s+of|credit)\b"
    r"|(?:photo\s+)?credits?\s*:"
    r"|courtesy\s*(?:of\b|:)",
    re.IGNORECASE,
)
CREDIT_OPENING_MAX_WORDS = 150
# Up to this many words, a line opening with a credit is the credit alone.
CREDIT_ALONE_MAX_WORDS = 8
# "In this Feb. 2018 file photo, ...", "In a 2008 photo, ...": a caption, whatever its end.
PHOTO_DESCRIPTION = re.compile(
    r"in\s+(?:this|these|a)\s+[^;\n]{0,40}?\b(?:file\s+)?(?:photos?|images?|pictures?"
    r"|screen\s?grabs?)\s*,",
    re.IGNORECASE,
)
PHOTO_DESCRIPTION_MAX_WORDS = 60
# Credits closing a caption line (search on the line's tail): "... Wash. © REUTERS",
# "... | Photo Credit: AFP", "(AP Photo/Name)", "(Courtesy: Name via Outlet)",
# "(U.S. Navy photo by Name)".
CREDIT_CLOSING = re.compile(
    r"(?:©\s*[^©\n]{1,80}"
    r"|\|\s*(?:photo\s+)?credits?\s*:[^|\n]{1,80}"
    r"|\(\s*(?:[\w.&'’-]+\s+){0,5}(?:photo(?:graph)?|image|picture|file\s+photo)\b[^()\n]{0,80}\)"
    r"|\(\s*courtesy\b[^()\n]{1,120}\)"
    r")\s*$",
    re.IGNORECASE,
)
# A caption in the agencies' form: "... on Thursday, Sept. 12, 2024, in Renton, Wash." —
# a weekday then a full date between commas, which articles do not write.
_WEEKDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
# Agencies spell out months of five letters or fewer and abbreviate the others.
_AGENCY_MONTHS = (
    *MONTH_NAMES,
    *(rf"{a}\.?" for a, n in MONTH_ABBREVIATIONS.items() if len(MONTH_NAMES[n - 1]) > 5),
)
_MONTH = rf"(?:{'|'.join(sorted(_AGENCY_MONTHS, key=len, reverse=True))})"
AGENCY_CAPTION = re.compile(
    rf"[A-Z][^.!?\n]{{0,300}}?,\s+(?:on\s+)?{_WEEKDAY},\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}"
    r"(?:,\s+(?:in|at|near|outside|off)\s+[A-Z][^.!?\n]{0,60}?)?\.(?=\s|$)"
)

# Above the article, an all-capitals line this short is a logo or a section name.
LOGO_MAX_WORDS = 3
# An unpunctuated sentence-case line this long between paragraphs is a caption.
CAPTION_MIN_WORDS = 12
# "More news: Headline", "Economist: Headline" between paragraphs: a related link.
LABELLED_HEADLINE = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:\s+[A-Z][^.!?:\n]{10,120}")
# A "keep reading" link closing a line, after the line's last sentence.
READ_ON_TAIL = 200
READ_ON_SENTENCE = re.compile(
    r"(?<=[.!?”\"])\s+(?:(?:continue|keep)\s+reading|(?:read|see)\s+(?:the\s+)?full\s+"
    r"(?:story|article|statement))\b[^.!?\n]{0,120}[.!?]?\s*$",
    re.IGNORECASE,
)
# A related story's blurb is cut off at about a hundred characters.
RELATED_MAX_WORDS = 30
BULLETS = "-–—•*·▪►"

# The dating stage reads these removals back: a page's stamp and byline carry its date.
KEPT_FOR_DATING = frozenset({TIMESTAMP, BYLINE})

# --- Pages that are not articles ------------------------------------------------------

# Names the rules of ``cleaner.not_article``: change it with them, and the next ingest flags
# the pages already stored afresh.
NOT_ARTICLE_RULES = "1"
NO_TEXT = "no article text"
ERROR_PAGE_REASON = "error or refusal page"
LINK_LIST = "list of links"
# What error, refusal and bot-check pages say (search in the first lines).
ERROR_PAGE = re.compile(
    r"(?:(?:error|oops|sorry)\W{0,3}\s*)?(?:(?:404|403|410|500|502|503)"
    r"(?:\s*(?:[-:|]\s*)?(?:error|not\s+found|forbidden|page\s+not\s+found)\b|\s*$)"
    r"|page\s+(?:not\s+found|(?:you\s+requested\s+)?(?:does\s+not|doesn[’']t)\s+exist)"
    r"|access\s+(?:denied|to\s+this\s+page\s+has\s+been\s+denied)"
    r"|(?:please\s+)?enable\s+(?:javascript|cookies)"
    r"|are\s+you\s+a\s+(?:robot|human)|verify(?:ing)?\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human"
    r"|captcha|request\s+(?:blocked|unsuccessful)|you\s+have\s+been\s+blocked"
    r"|(?:not|no\s+longer)\s+available\s+in\s+your\s+(?:country|region)"
    r"|you\s+don[’']t\s+have\s+permission\s+to\s+access)",
    re.IGNORECASE,
)
# An error page is short: a long page that mentions "404" is an article about it.
ERROR_PAGE_MAX_WORDS = 150
# A line counts as prose with this many words and a sentence end.
SENTENCE_MIN_WORDS = 6
# Fewer prose words than this (a short brief has more) beside this many headline lines
# is a link list.
ARTICLE_MIN_PROSE_WORDS = 20
LINK_LIST_MIN_LINES = 5
SENTENCE_BREAK = re.compile(r"[a-z][.!?][\"'”’)]*\s+[A-Z“\"‘']")
