"""Event types and the words that signal them, as data (aligned to PLOVER).

PLOVER (the successor of CAMEO) names what one actor does to another. Dateline keeps the
few categories its topic needs; each :class:`EventType` says what counts as one, and each
:class:`Trigger` is a word (lemma and part of speech) that can report it, with what must
come with the word before it counts ("sign" needs a document, "receive" a person).

The ``kind`` of a trigger is finer than the type: a phone call and a visit are both
CONSULT, but a phone call never merges with a visit. :data:`KIND_FAMILY` says which
kinds can be one event (talks held during a visit are the visit's talks).
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.lexicon.words import word_set


@dataclass(frozen=True, slots=True)
class EventType:
    """One category of event: its code, the PLOVER category and what it covers."""

    code: str
    plover: str
    doc: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that reports an event of ``type`` when what it ``needs`` is there.

    ``needs``: ``""`` nothing; ``phone`` a telephone word in its phrase; ``document``
    a document as object ("sign a memorandum"); ``item`` things as object ("exchange
    memorabilia"); ``money`` an amount or aid as object; ``guest`` a person received;
    ``addressee`` someone asked to do something; ``signature`` "put their names to X";
    ``dated`` a date inside its own phrase ("the 2011 Memorandum of Understanding");
    ``deal`` an agreement, contract or offer as object; ``vote`` a vote whose outcome is
    said ("voted to strike"); ``jobs`` jobs or a hiring freeze as object; ``walkout``
    "walk off/out"; ``actor`` a named subject; ``counterpart`` a named other side.
    """

    lemma: str
    pos: frozenset[str]
    type: str
    kind: str
    needs: str = ""
    particle: str = ""  # a particle the verb needs ("hand" + "over")


VERB = frozenset({"VERB"})
NOUN = frozenset({"NOUN", "PROPN"})

EVENT_TYPES: dict[str, EventType] = {
    t.code: t
    for t in (
        EventType(
            "CONSULT", "CONSULT", "Talks, phone calls, meetings, dialogues, visits, receptions."
        ),
        EventType("AGREE", "AGREE", "A memorandum, agreement, statement or minutes signed."),
        EventType("AID", "AID", "Funds or aid announced, committed or given."),
        EventType(
            "HANDOVER", "RETURN/RELEASE", "Remains, records or items handed over or exchanged."
        ),
        EventType("REQUEST", "REQUEST", "A formal request that a named party do something."),
        EventType("REJECT", "REJECT", "An offer, contract or deal rejected or withdrawn."),
        EventType("OFFER", "CONCEDE", "An offer or proposal made to the other side."),
        EventType("PROTEST", "PROTEST", "A strike or walkout begun, or voted for."),
        EventType("DEMAND", "DEMAND", "A party demands, or calls on another to do, something."),
        EventType("THREATEN", "THREATEN", "A party threatens or warns another."),
        EventType("DISAPPROVE", "DISAPPROVE", "A party denounces or condemns another."),
        EventType("CUTS", "", "Job cuts, layoffs, furloughs or a hiring freeze announced."),
        EventType("RESUME", "CONCEDE", "Strikers back at work: a strike or walkout ended."),
        EventType("COOPERATE", "COOPERATE", "A joint exercise or programme opened or closed."),
    )
}

TRIGGERS: tuple[Trigger, ...] = (
    # CONSULT
    Trigger("talk", NOUN, "CONSULT", "talks"),
    Trigger("talk", VERB, "CONSULT", "talks", "phone"),
    Trigger("call", NOUN, "CONSULT", "call", "phone"),
    Trigger("conversation", NOUN, "CONSULT", "call", "phone"),
    Trigger("speak", VERB, "CONSULT", "call", "phone"),
    Trigger("meeting", NOUN, "CONSULT", "meeting"),
    Trigger("meet", VERB, "CONSULT", "meeting"),
    Trigger("dialogue", NOUN, "CONSULT", "dialogue"),
    Trigger("consultation", NOUN, "CONSULT", "dialogue"),
    Trigger("summit", NOUN, "CONSULT", "meeting"),
    Trigger("visit", NOUN, "CONSULT", "visit"),
    Trigger("trip", NOUN, "CONSULT", "visit"),
    Trigger("visit", VERB, "CONSULT", "visit"),
    # "flew to Seattle to intervene in the dispute": travel to a place named
    Trigger("fly", VERB, "CONSULT", "visit", "destination"),
    Trigger("travel", VERB, "CONSULT", "visit", "destination"),
    Trigger("receive", VERB, "CONSULT", "reception", "guest"),
    Trigger("welcome", VERB, "CONSULT", "reception", "guest"),
    Trigger("host", VERB, "CONSULT", "reception", "guest"),
    # AGREE
    Trigger("sign", VERB, "AGREE", "signing", "document"),
    Trigger("ink", VERB, "AGREE", "signing", "document"),
    Trigger("put", VERB, "AGREE", "signing", "signature"),
    Trigger("signing", NOUN, "AGREE", "signing", "document"),
    # AID
    Trigger("announce", VERB, "AID", "funding", "money"),
    Trigger("provide", VERB, "AID", "funding", "money"),
    Trigger("grant", VERB, "AID", "funding", "money"),
    Trigger("give", VERB, "AID", "funding", "money"),
    Trigger("commit", VERB, "AID", "funding", "money"),
    Trigger("allocate", VERB, "AID", "funding", "money"),
    Trigger("disburse", VERB, "AID", "funding", "money"),
    Trigger("donate", VERB, "AID", "funding", "money"),
    Trigger("announcement", NOUN, "AID", "funding", "money"),
    # HANDOVER
    Trigger("hand", VERB, "HANDOVER", "handover", "item", "over"),
    Trigger("return", VERB, "HANDOVER", "handover", "item"),
    Trigger("repatriate", VERB, "HANDOVER", "handover", "item"),
    Trigger("exchange", VERB, "HANDOVER", "handover", "item"),
    Trigger("exchange", NOUN, "HANDOVER", "handover", "item"),
    Trigger("handover", NOUN, "HANDOVER", "handover", "item"),
    Trigger("repatriation", NOUN, "HANDOVER", "handover", "item"),
    # REQUEST: "asked X to ..."; "called on", "urged" are appeals, kept as promises only.
    Trigger("ask", VERB, "REQUEST", "request", "addressee"),
    Trigger("request", VERB, "REQUEST", "request", "addressee"),
    # CONSULT: bargaining ("negotiations resumed", "negotiated with the company")
    Trigger("negotiation", NOUN, "CONSULT", "talks"),
    Trigger("negotiate", VERB, "CONSULT", "talks", "counterpart"),
    # AGREE: a deal reached, ratified, approved or accepted
    Trigger("reach", VERB, "AGREE", "deal", "deal"),
    Trigger("ratify", VERB, "AGREE", "deal", "deal"),
    Trigger("approve", VERB, "AGREE", "deal", "deal"),
    Trigger("accept", VERB, "AGREE", "deal", "deal"),
    Trigger("endorse", VERB, "AGREE", "deal", "deal"),
    # REJECT: a deal turned down, an offer withdrawn
    Trigger("reject", VERB, "REJECT", "rejection", "deal"),
    Trigger("turn", VERB, "REJECT", "rejection", "deal", "down"),
    Trigger("withdraw", VERB, "REJECT", "withdrawal", "deal"),
    Trigger("pull", VERB, "REJECT", "withdrawal", "deal"),
    Trigger("yank", VERB, "REJECT", "withdrawal", "deal"),
    # OFFER
    Trigger("offer", VERB, "OFFER", "offer", "deal"),
    Trigger("present", VERB, "OFFER", "offer", "deal"),
    Trigger("propose", VERB, "OFFER", "offer", "deal"),
    Trigger("unveil", VERB, "OFFER", "offer", "deal"),
    # A vote: what was voted for decides the type (see ``VOTE_OUTCOMES``).
    Trigger("vote", VERB, "AGREE", "vote", "vote"),
    # PROTEST
    Trigger("strike", NOUN, "PROTEST", "strike"),
    Trigger("walkout", NOUN, "PROTEST", "strike"),
    Trigger("walk", VERB, "PROTEST", "strike", "walkout"),
    # COOPERATE: "the opening ceremony of the joint exercise"
    Trigger("ceremony", NOUN, "COOPERATE", "ceremony", "ceremonial"),
    # RESUME: "returned to work", "went back to their jobs", "returned from the strike"
    Trigger("return", VERB, "RESUME", "return", "work"),
    Trigger("go", VERB, "RESUME", "return", "work", "back"),
    # DEMAND, THREATEN, DISAPPROVE ("called on X to", "urged X to" are appeals, kept as
    # promises; "strike" as a verb is mostly a storm's or a missile's)
    Trigger("demand", VERB, "DEMAND", "demand", "actor"),
    # "called on X to withdraw": a demand; "called on the president" is a courtesy call
    Trigger("call", VERB, "DEMAND", "demand", "appeal", "on"),
    Trigger("threaten", VERB, "THREATEN", "threat", "actor"),
    Trigger("warn", VERB, "THREATEN", "threat", "actor"),
    Trigger("denounce", VERB, "DISAPPROVE", "criticism", "actor"),
    Trigger("condemn", VERB, "DISAPPROVE", "criticism", "actor"),
    Trigger("criticize", VERB, "DISAPPROVE", "criticism", "actor"),
    Trigger("criticise", VERB, "DISAPPROVE", "criticism", "actor"),
    Trigger("slam", VERB, "DISAPPROVE", "criticism", "actor"),
    Trigger("blast", VERB, "DISAPPROVE", "criticism", "actor"),
    Trigger("decry", VERB, "DISAPPROVE", "criticism", "actor"),
    Trigger("rebuke", VERB, "DISAPPROVE", "criticism", "actor"),
    # CUTS
    Trigger("cut", VERB, "CUTS", "cuts", "jobs"),
    Trigger("announce", VERB, "CUTS", "cuts", "jobs"),
    Trigger("eliminate", VERB, "CUTS", "cuts", "jobs"),
    Trigger("lay", VERB, "CUTS", "cuts", "", "off"),
    Trigger("furlough", VERB, "CUTS", "cuts", "actor"),
)

# A document named with its date is a background report of its signing.
DATED_DOCUMENT = Trigger("document", NOUN, "AGREE", "signing", "dated")
# Kinds that become a phone call when a phone word goes with them ("phone talks").
PHONE_KINDS: dict[str, str] = {"talks": "call", "meeting": "call"}

# Kinds that can be one event: talks held during a visit, a dialogue is a meeting.
KIND_FAMILY: dict[str, str] = {
    "talks": "meeting",
    "meeting": "meeting",
    "dialogue": "meeting",
    "visit": "meeting",
    "call": "call",
    "reception": "reception",
    "signing": "signing",
    "funding": "funding",
    "handover": "handover",
    "request": "request",
    "deal": "deal",
    "vote": "deal",
    "rejection": "rejection",
    "withdrawal": "withdrawal",
    "offer": "offer",
    "strike": "strike",
    "demand": "demand",
    "threat": "threat",
    "criticism": "criticism",
    "cuts": "cuts",
    "return": "return",
    "ceremony": "ceremony",
}
# Kinds whose ordinal names one event ("the 13th Defence Policy Dialogue").
NAMED_KINDS = frozenset({"dialogue", "meeting"})
# Kinds that last several days: a date on them bounds the event rather than pins it.
MULTI_DAY_KINDS = frozenset({"visit"})
# How a title names each kind (after the participants).
KIND_LABELS: dict[str, str] = {
    "talks": "talks",
    "meeting": "meeting",
    "dialogue": "dialogue",
    "visit": "visit",
    "call": "phone talks",
    "reception": "receives",
    "signing": "sign",
    "funding": "aid",
    "handover": "exchange",
    "request": "request",
    "deal": "agree on",
    "vote": "vote on",
    "rejection": "reject",
    "withdrawal": "withdraw",
    "offer": "offer",
    "strike": "strike",
    "demand": "demand",
    "threat": "warn",
    "criticism": "denounce",
    "cuts": "announce cuts",
    "return": "return to work",
    "ceremony": "ceremony",
}
# Kinds that tell nothing without someone who acts: a report of one names a party.
ACTOR_KINDS = frozenset(
    {"deal", "rejection", "withdrawal", "offer", "strike", "demand", "threat", "criticism", "cuts"}
)
# Verbs of a third party stepping into a conflict, and the nouns of such a conflict: a
# visit "to intervene in the dispute" involves the sides of that dispute.
MEDIATING_LEMMAS = word_set("intervene mediate broker help resolve settle end defuse arbitrate")
CONFLICT_NOUNS = word_set(
    "dispute strike conflict standoff walkout stalemate talks negotiation impasse deadlock "
    "stoppage lockout row"
)
# Kinds of event whose sides a conflict noun stands for.
CONFLICT_KINDS = frozenset({"strike", "talks"})
# Kinds done by a workforce often left unnamed ("after machinists returned to work"):
# with no party linked, the one organisation of the sentence is theirs.
WORKFORCE_KINDS = frozenset({"return"})
# Kinds whose event is the announcement itself: "Acme will cut 500 jobs, its chief said on
# Friday" reports a decision made known that day, not a guess about the future.
ANNOUNCED_KINDS = frozenset({"cuts", "deal", "rejection", "withdrawal", "offer"})
# Verbs that make a decision known, carrying a clause that states it.
ANNOUNCING_LEMMAS = frozenset({"say", "announce", "tell", "state", "confirm"})
# Kinds whose act is something said: the day it was reported said dates it.
SPOKEN_KINDS = frozenset({"demand", "threat", "criticism"})
# Verbs that report speech: a titled speaker of the next sentence speaks for a body's act.
SPEAKING_LEMMAS = ANNOUNCING_LEMMAS | frozenset({"add", "claim", "write", "explain", "note"})
# Title heads of a company's officers: they speak for the company without naming it.
OFFICER_HEADS = frozenset({"officer", "ceo", "cfo", "coo", "executive"})
# What is "met" without a meeting ("met the union's demands", "meet the deadline").
UNMET_OBJECTS = word_set(
    "demand need requirement deadline target goal standard expectation criterion "
    "condition obligation cost challenge threshold quota request"
)
# Which kind names a merged event, most telling first.
KIND_PRIORITY = ("dialogue", "call", "talks", "meeting", "visit", "reception", "signing")

# Words that make "call", "talk", "speak" and "conversation" a phone call.
PHONE_WORDS = word_set("phone telephone telephonic video videoconference online")
# What can be signed.
DOCUMENT_NOUNS = word_set(
    "memorandum mou agreement statement minutes declaration accord treaty deal protocol "
    "document plan arrangement charter communique letter"
)
# Words for any signed text: they name no particular document ("signed the deal").
GENERIC_THINGS = word_set("document deal agreement accord pact")
# What can be reached, offered, ratified, rejected or withdrawn.
DEAL_NOUNS = word_set(
    "agreement deal contract offer proposal accord pact settlement proposition package"
)
# What a vote is for, and the event type it makes ("voted to strike", "voted down").
VOTE_OUTCOMES: dict[str, tuple[str, str]] = {
    "strike": ("PROTEST", "strike"),
    "walkout": ("PROTEST", "strike"),
    "approve": ("AGREE", "deal"),
    "ratify": ("AGREE", "deal"),
    "accept": ("AGREE", "deal"),
    "endorse": ("AGREE", "deal"),
    "reject": ("REJECT", "rejection"),
    "down": ("REJECT", "rejection"),
    "against": ("REJECT", "rejection"),
}
# What is cut when jobs go ("cut 17,000 jobs", "announced a hiring freeze").
JOB_NOUNS = word_set(
    "job jobs workforce position positions layoff layoffs furlough furloughs freeze "
    "headcount staff workers employees"
)
# Where strikers go back to ("returned to work", "back to their jobs") and what they
# come back from ("returned from a seven-week strike").
WORK_NOUNS = word_set(
    "work job jobs shift shifts plant plants factory factories post posts duty workplace desk desks"
)
STOPPAGE_NOUNS = word_set("strike strikes walkout walkouts stoppage stoppages picket lockout")
# What makes a ceremony an event of a joint undertaking ("the opening ceremony").
CEREMONY_WORDS = word_set("opening closing launch launching inaugural commissioning")
# Kinds of event that gather many people: reports of one naming different people are
# still one event (each outlet names the officials it quotes).
GATHERING_KINDS = frozenset({"ceremony"})
# Verbs by which someone takes part in a ceremony named again ("attended the ceremony"),
# and the nouns of a speech given at it ("in his opening remarks, X hailed the ceremony").
ATTENDING_LEMMAS = word_set("attend address lead open host preside officiate join witness grace")
SPEECH_NOUNS = word_set("remark remarks speech address keynote toast")
# Words that follow "walk" in a walkout ("walked off the job", "walked out").
WALKOUT_PARTICLES = word_set("off out")
# What can be handed over or exchanged (not "views", not "delegations").
ITEM_NOUNS = word_set(
    "remains memorabilia records record effects artefacts artifacts items documents "
    "dossiers gifts souvenirs relics belongings keepsakes"
)
MONEY_WORDS = word_set("$ us$ usd vnd eur € £ dollar dollars aid funding funds grant assistance")
# Verbs that make a nominal trigger report an event ("held talks", "the dialogue took
# place", "co-chaired the meeting", "paid a visit").
EVENT_PREDICATES = word_set(
    "hold take chair co-chair host conclude open close end begin start pay make attend "
    "conduct organise organize wrap lead"
)
# Predicates that date the end or the start of a multi-day event, not all of it.
END_PREDICATES = word_set("end conclude wrap close finish complete")
START_PREDICATES = word_set("begin start open arrive")
# Up to how many days a multi-day event runs before or after such a date.
MULTI_DAY_SPAN = 6

# A governing word from this list makes a clause not a report of something that happened.
SPECULATIVE_LEMMAS = word_set(
    "hope expect want wish plan intend propose suggest urge invite argue believe think "
    "speculate aim seek try prepare consider call ask request recommend would could might "
    "may should can must need likely if unless whether"
)
# Verbs whose infinitive is an intention ("agreed to hold", "decided to sign"), while
# their "that" clause is a statement ("agreed that cooperation follows the 2011 MoU").
INTENT_LEMMAS = word_set("agree decide resolve vow pledge promise commit")
# A modifier that marks an event as not (yet) real.
SPECULATIVE_MODIFIERS = word_set("expected possible potential proposed planned prospective future")
# A modifier that points to another event of the same kind ("the previous dialogue").
OTHER_EVENT_MODIFIERS = word_set("previous next upcoming coming following future prior earlier")
# Modifiers of a recurring event ("annual dialogues", "regular consultations").
HABITUAL_MODIFIERS = word_set("annual regular periodic routine yearly monthly several many")
# Plural nouns that still name one event ("phone talks", "the minutes").
PLURAL_SINGLE = word_set("talks consultations negotiations minutes remains memorabilia ceremonies")
# Words after which a date bounds a period instead of dating an event.
PERIOD_OPENERS = word_set("since until till through throughout")
# A clause with one of these sums up results over time: not one event.
CUMULATIVE_CUES: tuple[str, ...] = (
    "so far",
    "to date",
    "a total of",
    "in total",
    "in all",
    "over the years",
)
# Nouns for a kind of organisation: "the union", "the ministry", "union members" stand
# for a body whose name (of two words or more) has that noun.
BODY_NOUNS = word_set(
    "union association federation league council committee commission board "
    "ministry department agency bureau administration government parliament "
    "congress senate assembly party company corporation firm group bank court army navy "
    "force guard guild institute university"
)
# Plural descriptions standing for the parties of an event already named.
PARTY_DESCRIPTIONS = word_set(
    "sides ministers officials delegations men leaders chiefs countries parties militaries"
)
# Nouns that refer back to an event of the document ("the talks ended with ...").
ANAPHOR_NOUNS: dict[str, str] = {
    "talks": "meeting",
    "meeting": "meeting",
    "dialogue": "meeting",
    "visit": "meeting",
    "call": "call",
    "conversation": "call",
    "ceremony": "signing",
    "signing": "signing",
}
# Kinds of events whose acts (requests, exchanges) may take the event's date.
ACT_TYPES = frozenset({"HANDOVER", "REQUEST"})
