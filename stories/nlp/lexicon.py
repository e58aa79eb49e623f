"""Every word list the rules use, in one place: the vocabulary of news English they know.

General English only: no story's names, dates or phrases. Lists are written as prose through
``words`` so long ones stay readable; each says what the rule using it takes the words for.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS


def words(text: str) -> frozenset[str]:
    """A word list written as prose, so long rule lists stay readable."""
    return frozenset(text.split())


# --- Actors: titles, roles and places ---------------------------------------------------------

# A player's place in a team: "Striker X", "the goalkeeper".
PLAYING_ROLES = words(
    "striker forward midfielder defender goalkeeper keeper winger skipper captain referee"
)

# Words that name an office or a form of address. At the start of a PERSON entity they are a title,
# not part of the name ("President Ana Silva", "Navy Admiral Marko Kovac").
TITLE_WORDS = (
    words(
        """
    mr mrs ms miss dr prof sir dame lord lady president chairman chairwoman chair leader minister
    prime deputy vice secretary general admiral commander colonel col lt lieutenant capt
    major marshal sergeant sgt senator sen rep representative governor gov mayor king queen prince
    princess emperor empress chancellor premier director chief spokesman spokeswoman spokesperson
    ambassador envoy judge justice pope bishop cardinal rev reverend father sheikh emir sultan
    dictator comrade navy army foreign defense defence interior finance state supreme first lady
    officer head speaker executive attorney detective inspector superintendent commissioner
    councillor councilman councilwoman congressman congresswoman coach manager pm ceo cfo coo
    """
    )
    | PLAYING_ROLES
)

# Short forms of titles that are titles only with their full stop: "Gen. X" (not "Gen Tanaka").
ABBREVIATED_TITLES = words("atty det insp supt cmdr maj brig cpl pvt gen adm pres amb")

# Titles a monarch or a royal is known by: "Prince Rui" without "Prince" is any Rui.
ROYAL_TITLES = words("king queen prince princess emperor empress")

# Forms of address and offices that are only ever said of a person.
PERSONAL_TITLES = words(
    """
    mr mrs ms dr sir dame president chairman chairwoman chancellor premier minister senator
    governor mayor king queen prince princess pope admiral general ambassador secretary
    """
)

# Nouns that name a role a person holds, used both in introductions ("Valmoran President X",
# "X, chairman of ...") and in later references ("the Valmoran president").
ROLE_NOUNS = (
    words(
        """
    president leader chairman chairwoman chair minister premier chancellor king queen prince
    princess emperor dictator ruler monarch chief head secretary general admiral commander
    director spokesman spokeswoman spokesperson ambassador envoy governor mayor senator official
    strongman sister brother wife husband daughter son mother father coach manager judge
    prosecutor sheriff speaker boss
    """
    )
    | PLAYING_ROLES
)

# Roles of whoever runs a country or party: a later "the X leader" may refer back to any of them.
# Roles as titles write them short: "Gov. X" is the governor "the governor" refers to.
ROLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "gen": "general",
    "adm": "admiral",
    "pres": "president",
    "amb": "ambassador",
}

HEAD_ROLES = words(
    "president leader chairman chairwoman premier chancellor king queen emperor dictator ruler "
    "monarch strongman prime_minister"
)

GENERIC_HEAD_ROLES = words("leader ruler dictator strongman chief head")

# Head nouns of built or natural places: "X Airport", "X Cosmodrome", "X station" is somewhere
# one goes, whatever label NER gave the name in front.
FACILITY_NOUNS = words(
    """
    airport airfield airbase cosmodrome spaceport station port harbor harbour seaport base
    bridge square street avenue road highway boulevard palace stadium arena park island mountain
    river lake bay strait canal valley peninsula province district county crossing checkpoint
    terminal pier dock shipyard dam reservoir plaza
    """
)

# Words that name a state around a country's name: "the Valmoran Federation", "the Democratic
# Republic of Caldoria".
STATE_WORDS = words(
    "federation republic kingdom union state states commonwealth of the people's peoples "
    "democratic islamic federal socialist"
)

PRONOUNS = words("he him his himself she her hers herself")
MALE_PRONOUNS = words("he him his himself")
FEMALE_PRONOUNS = words("she her hers herself")

# Forms of address that say a person's sex: "Mrs Silva" is a woman whatever her given name.
# Words that say it only sometimes ("Dr", "Father" of a priest or a parent alike) stay out.
MALE_TITLES = words("mr sir lord king prince emperor duke baron sultan emir monsignor")
FEMALE_TITLES = words("mrs ms miss dame lady queen princess empress duchess baroness madam madame")
# Nouns for a person that say their sex, set beside a name ("actress Ana Silva", "his wife, Ana
# Silva,", "Ana Silva, a mother of two,"). Office words in "-man" stay out: papers still call
# a woman "chairman" or "spokesman" now and then; the "-woman" forms are never said of a man.
MALE_NOUNS = words(
    """
    man boy father husband son brother grandfather grandson uncle nephew widower boyfriend
    stepfather dad king prince emperor duke
    """
)
FEMALE_NOUNS = words(
    """
    woman lady girl mother wife daughter sister grandmother granddaughter aunt niece widow
    girlfriend stepmother mum mom queen princess empress duchess actress waitress heiress
    chairwoman spokeswoman congresswoman businesswoman policewoman councilwoman sportswoman
    stewardess hostess
    """
)

STOP_NAMES = frozenset({"faq", "faqs"})


# The last word of a company's name: "Larkspur Inc", "Acme Holdings Ltd", "Harbour Motor Co."
COMPANY_SUFFIXES = words(
    "inc incorporated corp corporation ltd limited llc llp plc co gmbh ag sa nv bv pty bhd oyj "
    "kaisha"
)

# Words a company's name may drop and stay the same company: "Acme" for "Acme Holdings". Not
# any words: "Acme Internet Exchange" is a business of Acme's, not Acme.
NAME_FORM_WORDS = COMPANY_SUFFIXES | words("group holdings company")

# --- Events: verbs and nouns of happening, hedges and announcements ---------------------------

# Verbs of happening in news prose. Plain "say" is left to the quote module; speech acts that
# are acts in themselves (a pledge, a warning, a statement of position) are events.
EVENT_VERBS = words(
    """
    meet visit tour arrive depart travel leave return launch fire test conduct hold host welcome
    sign pledge vow promise agree approve announce declare order attack strike kill bomb invade
    seize capture arrest detain release free elect vote win lose resign appoint sack open
    close begin start end conclude accompany inspect attend toast shake embrace talk discuss
    negotiate crash plunge explode fail collapse flee evacuate impose lift sanction ban warn
    condemn threaten deploy withdraw send deliver supply sell buy sue charge convict sentence
    die injure rescue raid protest march rally hit destroy build unveil award offer
    express voice convey walk initiate list
    state stress emphasize emphasise affirm reaffirm indicate outline hint acknowledge confirm
    insist urge deny reject accuse demand propose thank quote report
    """
)

# What sources a sentence rather than telling where or to whom: "according to the report".
SOURCING_PREPOSITIONS = words("according")
# Verbs that make a report an act only with the reporter as their subject ("the ministry
# reported 120 new cases"); otherwise they name a source ("as reported by state media").
SOURCING_VERBS = words("report")

# Verbs that move a happening in time: the days "from" and "to" which they move it are the
# plan's, not the day it was moved.
RESCHEDULING_VERBS = words("move push postpone delay reschedule shift bring put defer")
# Verbs that set a happening for a day: "scheduled sentencing for March 28", "set a hearing for
# the spring", and those that move it ("postponed the vote to May 3").
SETTING_VERBS = RESCHEDULING_VERBS | words("schedule set slate fix book adjourn")
MOVED_BETWEEN = words("from to until till")
# The preposition that gives the day of a happening called for: "strikes for Thursday".
CALLED_FOR = words("for")
# Prepositions of the means a thing is to be done by: "will be recovered through a levy".
MEANS_PREPOSITIONS = words("through from by with out")

# Verbs whose simple present tells the news of the day ("the ministry says ..."); any other
# verb in the present with no day of its own tells how things stand.
NEWS_PRESENT_VERBS = words("say tell write")

# Verbs of speech that say an act was not done: "denied that it had shot down the drone" is
# no report of the shooting down.
DENIAL_VERBS = words("deny refute")

# Plain reporting verbs: an event only as a named person's statement told first ("X said
# that ...", "X described the deal as a compromise", "X warned that the storm could ..."), never
# as an attribution trailing what it sources.
PLAIN_SPEECH = words("say tell write call describe warn")

# Verbs whose participle tells what a doer was doing, or where, as they acted: "Speaking in
# Harbourton on Wednesday, X said" is on Wednesday. Not those that look ahead or back ("facing
# trial on March 20", "recalling the flood on March 3"), whose day is another happening's.
MEANWHILE_VERBS = words(
    "speak talk address write testify appear attend visit tour work campaign celebrate"
)

# Verbs of contention: what is argued is a claim, not a happening; that a named party argued
# it is their act ("the defence argued that its client had acted reasonably").
CONTENTION_VERBS = words("argue contend allege claim")

# Speech acts: their time is the time they were said, which the text often leaves open.
STATEMENT_VERBS = CONTENTION_VERBS | words(
    """
    say tell write call state stress emphasize emphasise affirm reaffirm indicate outline hint
    acknowledge confirm insist urge deny reject accuse demand propose warn pledge vow promise
    declare announce condemn threaten express voice convey thank quote welcome offer list report
    """
)

EVENT_NOUNS = words(
    """
    meeting summit talks talk visit tour trip launch test attack strike election vote referendum
    offer signing ceremony parade conference negotiation agreement deal treaty ceasefire invasion
    explosion crash arrest raid protest rally march handshake lunch dinner banquet liftoff
    encounter discussion conversation rendezvous dialogue attempt failure welcome delegation
    earthquake quake aftershock collapse outage shutdown disruption flood fire blaze storm
    hurricane shooting bombing robbery theft heist burglary murder killing trial verdict ruling
    sentencing acquisition takeover merger resignation inauguration ceremony funeral evacuation
    rescue search landing splashdown implosion blast derailment eruption hearing
    """
)

# Happenings an article dates against ("four weeks before the runoff", "the day after the
# final"): the nouns of happening, and the contests that stories of elections and sport count
# their days from.
ANCHOR_NOUNS = EVENT_NOUNS | words("runoff final semifinal match game race round poll")
# Acts done on the day of the happening they name: "won the runoff", "held the final".
HOLDING_VERBS = words("win lose hold play stage contest beat defeat host")

# Where a person "appears" as an act: "appeared in court", "will appear before the committee".
APPEARANCE_BODIES = words(
    "court judge magistrate tribunal hearing committee panel inquiry parliament congress senate"
)

# Verbs of a position or condition held over time: "had chaired the board since 2015" began then;
# "have risen since March" and "have arrested 40 since Friday" count what happened since.
HELD_STATE_VERBS = words(
    """
    run lead head chair hold serve govern manage coach direct command own live work be
    """
)

# Verbs of being, having, thinking, perceiving, sensing, feeling, wanting and relating: a sentence
# built on one describes a state of affairs, not a happening ("the bridge carries 40,000 cars a
# day", "the clothes reeked", "the pause unnerved the capital").
NON_EVENT_VERBS = words(
    """
    be have do seem appear remain stay become know think believe consider feel hope want need
    wish like love hate prefer mean include contain involve comprise consist depend belong own
    possess resemble represent constitute cost weigh measure equal lack deserve matter exist
    tend try seek aim intend expect suggest imply see look sound hear watch monitor regard view
    describe call refer compare reflect underline underscore highlight signal signify illustrate
    demonstrate show note add say tell explain write report claim argue recall estimate
    carry serve allow let enable require face make get keep put set go use understand
    remember forget wonder fear worry doubt trust assume suppose predict drag continue persist
    last linger smell reek stink unnerve frighten age
    """
)

# Subjects that deny the act they govern: "nobody has been charged", "none were hurt".
NOBODY = words("nobody none nothing")

# What marks a source the reporter vouches for without naming: "spoke on condition of
# anonymity".
ANONYMITY_WORDS = words("anonymity")

# Declining to speak is no happening: "declined to comment", "refused to give details".
REFUSAL_VERBS = words("decline refuse")
# Verbs of speech that bind the speaker: what is promised lies ahead, but the promise is made
# on a day.
PROMISE_VERBS = words("promise pledge vow")
# Words that set a promise in a time other than the news told: "during his campaign",
# "throughout the race", "years ago", "repeatedly promised".
OTHER_TIME_PREPOSITIONS = words("during throughout since before")
BACKGROUND_ADVERBS = words("ago previously formerly once repeatedly")
SPELLS_OF_OFFICE = words("campaign race term tenure career presidency")
# Prepositions of a year a promised thing is due by: "by 2020", "in 2020", "before 2020".
DUE_BY_PREPOSITIONS = words("by in before until")
# Prepositions of a happening that only times a deed: "returned to Alder after the election".
TIMED_BY_PREPOSITIONS = words("after since following until")
WITHHELD_WORDS = words(
    "comment elaborate say give discuss confirm specify disclose explain identify name detail"
)
# What is withheld when someone declines to give or name it: "refused to give details".
WITHHELD_THINGS = words(
    "detail details comment comments reason reasons figure figures name names information"
    " timeline specifics cause"
)
# Marks of a condition: what a clause joined under one tells may not happen ("If X wins, ...").
CONDITION_MARKS = words("if unless whether")
# Participles whose present perfect passive tells how something stands: "has been linked to the
# cartel", "has been based in Dorvale", "has been valued at 2 billion".
STATIVE_PARTICIPLES = words(
    "link locate value operate rule dog credit marry base design schedule know consider regard"
    " associate connect plague own tie"
)
# Adverbs of a position held rather than a thing said once: "has long said", "has always said".
HABITUAL_ADVERBS = words("long always repeatedly often consistently")
# Nouns for where and when words are said, on which the parser may hang what was said as a
# relative clause: "told a news conference that ...", "said in a statement at the time that".
SAYING_OCCASIONS = words(
    "conference reporter reporters journalist journalists statement interview briefing meeting"
    " audience lawmaker lawmakers committee hearing broadcaster broadcasters crowd supporters"
    " time"
)

# What a scene felt like: a clause about it is colour ("the mood soured"), not a happening.
MOOD_NOUNS = words("mood atmosphere")

# Particles that make a verb another act: "lift off", "step down", "break out", "shut down".
PHRASAL_PARTICLES = words("off down out up")
# Happening nouns a light "make" does not make a happening of: "made a killing" is a profit.
UNMADE_HAPPENINGS = words("killing")
# Verbs that name no act alone but do with their particle: "called off the match", "set up a
# commission", "carried out raids", "put out a statement", "the bomb went off", "the tower came
# down", "phone lines went down", "the visit was put off", "troops took up positions".
PHRASAL_ACTS = words(
    "call_off call_up set_up set_off carry_out put_out put_down put_off take_off take_down "
    "take_out take_up go_off go_down go_up come_down show_up"
)
# Of those, the ones that with "to" tell an outcome, not an act: "came down to one vote".
OUTCOME_PHRASALS = words("come_down go_down")
# What one goes down in: "went down in history" says how an act is remembered.
MEMORY_NOUNS = words("history annals")
# A home or a post held: a joined clause of it is background ("..., and his brother lived in
# Valmora", "... ran a bakery"), not a happening. ("Led a march", "held a rally" are acts.)
HELD_POST_VERBS = words("live reside work run head chair manage coach direct own serve govern")
# Verbs whose progressive tells how someone or something stood, not an act under way: "was
# living in the house", "was standing by", "was wearing a jacket", "was leading 2-0", "was
# losing money".
PROGRESSIVE_STATE_VERBS = words(
    "live reside stand sit lie wear wait hope lead trail grow lose earn expect"
)
# Marks of a clause whose happening a progressive sets the scene of: "was driving home when
# the bridge fell".
SCENE_MARKS = words("when as while")
# Verbs whose object's participle tells a state they want or find, not a deed: "wants the deal
# renegotiated", "found the gates locked", "saw the harbour flooded".
STATE_OF_OBJECT_HEADS = words("want need find see keep leave like prefer consider deem hear watch")

# The particle that makes "take" an act of its own: "took over the city".
TAKEN_PARTICLES = words("over")
# What a light "take" makes an act of its own: "took office", "takes effect", "seized
# power" told as "took power", "took control of the city", "took the helm", "took the reins"
# (read as "rein"), "took command", "took the top job".
TAKEN_NOUNS = words("office effect power control helm charge rein command job")
# Of those, the roles, which a manner adverb after them says how someone treated: "took the job
# seriously" (unlike "took effect immediately").
TAKEN_ROLES = words("helm charge rein command job")
# Of those, the one taken in the plural; "took commands", "took the jobs" are other senses.
TAKEN_PLURALS = words("rein")

# Verbs that say a happening occurred or hit somewhere, when its name is their subject: "the
# storm struck", "two storms hit the coast", "the blaze broke out".
OCCURRENCE_VERBS = words(
    "strike hit rip rock jolt shake slam pound batter happen occur unfold erupt break sweep "
    "tear devastate flatten engulf ravage"
)

# Verbs that only carry an event named by a noun ("the meeting took place", "marked the first
# meeting", "featured a tour", "engaged in talks", "had lunch", "faced failures").
LIGHT_VERBS = words(
    "be take occur happen mark come begin commence feature include follow precede see "
    "engage extend face suffer have"
)

MODALS = words("may might could would should can must")

# Days a holiday's name fixes in every year: "on Christmas Eve", "by New Year's Day".
HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "fourth of july": (7, 4),
}

# Days from the article's that words name: "the day before yesterday".
TWO_DAYS_AWAY = {"the day before yesterday": -2, "the day after tomorrow": 2}

# Words after a month or a weekday that move it to another time: "March next year", "Friday
# week", "the following Monday".
DATE_MOVERS = words("last next this ago year years week following")

# Units a span of time is told in: "a day after", "two weeks before".
TIME_UNITS = words("minute hour day week month year decade")

# Common nouns for those who act as a body or a group: "rebels took over the city".
PERSON_NOUNS_ACTING = words(
    "rebel fighter soldier troop militant gunman insurgent militia force investor bidder buyer"
)
# Verbs whose "that"-clause makes them a claim, while with an object they are deeds:
# "maintained that the dam was safe", "maintained a cordon".
SAYING_SENSES = words("maintain")
# What one recalls in memory, not calls back: "recalled the moment the wall fell".
REMEMBERED_NOUNS = TIME_UNITS | words(
    "moment time night morning evening afternoon scene words conversation episode event "
    "incident experience story days years childhood past sound sight smell noise feeling"
)

# Units of a game's own clock: "the 64th minute", "the final lap" tell a moment of play, not a day.
PLAY_CLOCK_UNITS = words("minute second lap inning innings")

# Heads that announce what is to come: "is set to visit", "is expected to sign", "plans to".
FUTURE_HEADS = words("set schedule expect due plan intend go prepare poise slate")

FUTURE_AUX = words("will shall 'll wo")

# Words under which "when", "where" or "how" opens a question, not a time or a place: "it is
# unclear when", "trying to establish how" ("said ... when asked" is a time).
QUESTION_HEADS = words(
    "know establish determine ask reveal explain wonder investigate confirm decide "
    "disclose specify understand learn clarify unclear clear uncertain unknown sure certain"
)

# Modals that tell what someone means to do ("would review"); "should", "could" and "might"
# judge or guess.
INTENT_MODALS = words("will would shall 'll")
# The modal by which a report tells what was then to come: "said she would speak on Monday".
REPORTED_FUTURE_AUX = words("would")

# Pronouns by which a speaker names their own side: "she would", "her office would" ("their
# accord would" may be anyone's; a body's "it would" counts only for an act, see events).
OWN_SIDE_WORDS = words("i we he she my our his her")

# Lemmas that name the same kind of happening in different words.
EVENT_KINDS = {
    "meet": "meet meeting summit encounter rendezvous host",
    "talk": "talk talks discuss discussion conversation negotiate negotiation dialogue",
    "launch": "launch fire liftoff lift_off blast_off",
    "test": "test",
    # A reported attempt is one that did not succeed: a success is told as the act itself.
    "failure": "fail failure attempt crash plunge",
    "visit": "visit tour trip inspect",
    "arrive": "arrive travel depart leave return",
    "begin": "begin start initiate commence",
    "accompany": "accompany delegation entourage",
    "pledge": "pledge vow promise declare support backing solidarity commitment",
    "statement": "state stress emphasize emphasise affirm reaffirm indicate outline hint "
    "acknowledge confirm insist say quote announce list",
    "thank": "thank gratitude thanks appreciation",
    "welcome": "welcome greet",
    "handshake": "handshake shake embrace",
    "meal": "lunch dinner banquet toast",
    "protest": "protest rally march demonstration demonstrate",
    "arrest": "arrest detain capture seize",
    "vote": "vote approve adopt ballot approval authorize authorise",
    # General families of news happenings, so that outlets' different words for one act meet.
    "death": "die kill death perish",
    "injury": "injure wound hurt injury",
    "collapse": "collapse cave topple",
    "outage": "outage disrupt disruption glitch",
    "rescue": "rescue save evacuate evacuation",
    "search": "search hunt",
    "find": "find discover locate recover discovery",
    "resign": "resign quit resignation step_down",
    "charge": "charge indict indictment prosecute",
    "sentence": "sentence convict conviction",
    "acquit": "acquit acquittal",
    "inaugurate": "swear swear_in take_office inauguration inaugurate",
    "ruling": "rule ruling verdict overturn decision",
    "win": "win victory beat defeat triumph",
    "elect": "elect election",
    "sign": "sign signing agree agreement deal accord pact",
    "acquire": "acquire acquisition buy purchase takeover",
    "close": "close shut closure shutdown shut_down close_down",
    "reopen": "reopen resume restore restart",
    # "held all sailings": a hold that carries no happening of its own ("held talks" is
    # the talks) is a halt.
    "halt": "halt suspend ground stop pause suspension hold",
    "cancel": "cancel scrub call_off postpone delay abort cancellation postponement",
    "theft": "steal theft robbery heist rob burglary",
    "blaze": "blaze burn",
    "quake": "earthquake quake tremor aftershock",
    "storm": "storm hurricane cyclone typhoon flood flooding",
    "explosion": "explode explosion blast detonate implode implosion",
    "shooting": "shoot shooting gunfire",
    "sink": "sink capsize",
    "land": "land landing touchdown splashdown touch_down splash_down",
    "post": "post tweet publish upload",
    "sue": "sue lawsuit suit",
    "violate": "violate breach flout",
}

# Verbs that carry the act their object names: "expressed support", "extended a welcome".
CONTENT_CARRIERS = words("express voice convey extend show give offer")

# Verbs that make the deal or the verdict their object names: "reached an agreement", "struck a
# deal", "sealed the pact", "reached a verdict" are the agreement and the verdict themselves.
SEALING_VERBS = words("reach strike seal clinch forge broker secure finalize finalise")
# The kinds of happening such an object names.
SEALED_KINDS = frozenset({"sign", "ruling"})

# Objects that only say how something was said: "the remarks were conveyed through an interpreter".
WORDING_NOUNS = words("remark word comment message statement speech question answer")

TIME_PREPOSITIONS = words("before after during following ahead amid since until at")

CARRIER_VERBS = frozenset({"conduct", "order", "hold", "carry", "stage", "begin", "start"})

TEMPORAL_MARKS = words("as when after before while once")
# Marks of a clause that only times another ("has grown since the war began", "once he
# arrived"); one opened by "as", "when", "after" or "until" often tells the news itself
# ("showed no emotion as each count was read", "stayed aboard until the coast guard took them
# off").
CLAUSE_TIMING_MARKS = words("since once")

# Adverbs that move a narrative on from the time it last gave: "Later, a switch failed" ("then"
# mostly goes on within the scene: "Costa then shook his hand").
MOVING_ON = words("later afterwards afterward subsequently eventually")

# Verbs that draw a conclusion from what their subject names: "X's delegation suggests a focus".
INFERENCE_VERBS = words(
    "suggest indicate show signal underline underscore highlight reflect demonstrate"
)

# Verbs of coming together that name no happening of their own: "came together for the talks".
GATHER_VERBS = words("come gather convene assemble")

# Words that work as prepositions whatever the tagger calls them.
PREPOSITION_LIKE = words("worth like unlike near")


# --- Quotes: speech, reporting and the speech acts a remark performs --------------------------

# Verbs that report what someone said, or how they called something. Evaluative verbs ("laud",
# "term", "describe as") carry quoted words of the speaker just as "say" does.
# Verbs by which a body puts out a paper: "a statement the agency released".
ISSUING_VERBS = words("release issue publish post send file put")
# Verbs of speaking whose object is what was spoken of: "spoke of", "talked about".
SPEAKING_OF_VERBS = words("speak talk")

SPEECH_VERBS = words(
    """
    say tell state add note pledge warn emphasize emphasise stress express affirm declare
    announce vow insist claim write ask reply hint indicate welcome confirm outline refer term
    call describe laud praise hail convey acknowledge explain argue assert promise urge predict
    remark comment reiterate quote reveal deny admit agree respond answer tout dub label
    threaten boast lament complain recall mention suggest counter contend concede testify disclose
    accuse joke quip shout whisper mutter gush proclaim muse confide plead maintain tweet
    """
)

# Verbs of judging aloud: what a body "condemned as" or "dismissed as" in quotation marks is
# its own wording, though the act is not only speech (kept apart from SPEECH_VERBS, which tells
# events what a statement is).
JUDGING_VERBS = words("condemn denounce criticise criticize slam blast decry dismiss reject")
# How a source came to speak to the paper, not who they are: "a spokesman reached by phone",
# "an official quoted by the Gazette".
INTERVIEW_VERBS = words("reach contact quote interview")
# Words that make a clause about the terms a source spoke on: "who spoke on condition of
# anonymity", "who asked not to be named", "who was not authorised to speak".
ANONYMITY_WORDS = words("anonymity name identify authorise authorize permit allow")
# Who speaks for a body, and may tell what it said: "The ministry condemned '...', a
# spokeswoman said".
SPOKESPERSON_NOUNS = words("spokesman spokeswoman spokesperson")
# Verbs by which a paper or an outlet passes on words, quoted as someone's: "the report
# concluded that ...", "the news agency reported that ...". Events take them for acts.
PASSING_ON_VERBS = words("report conclude")

# Verbs whose complement clause is reported speech ("X warned that ...").
REPORTING_VERBS = words(
    """
    say tell state add note pledge warn emphasize emphasise stress affirm declare announce vow
    insist claim write hint indicate confirm acknowledge explain argue assert promise predict
    reiterate reveal deny admit agree reply respond threaten boast disclose
    """
)

# Verbs whose direct object is what was said, as a noun phrase ("X expressed his gratitude for
# ...", "X acknowledged the country's wish to ...").
OBJECT_REPORTING_VERBS = words(
    """
    express voice convey acknowledge emphasize emphasise stress reiterate state affirm reaffirm
    underline underscore
    """
)

# Nouns that make their verb a speech act ("raised a toast to ...", "gave a speech on ...").
SPEECH_NOUNS = words("toast speech statement remark remarks address")
# What someone says back: "His reply was short: ...".
ANSWER_NOUNS = words("reply answer response")

# Prepositions before the name of a place: "in Harbourton", "from Port Vessa", "across Valmora".
LOCATIVE_PREPOSITIONS = words("in at near from across outside inside around into toward towards")

PLACE_TIME_PREPOSITIONS = words(
    "in at during near inside outside before after from since until within"
)

INTERPRETERS = words("interpreter translator")

CONTRAST = words("while whereas although though")

# Short prefixes of compounds ("anti-union") that do not change which remark it is.
COMPOUND_PREFIXES = words("anti pro non pre post un")

STOPWORDS = frozenset(STOP_WORDS) | words("said says say told according")

# Closed-class words that end the head of a noun phrase: "fight | against corruption".
PREPOSITIONS = words(
    "of in on at for against with to from by about into over under between among toward towards "
    "without within across through"
)

FUNCTION_WORDS = PREPOSITIONS | words("and or the a an")

# Speech acts that outlets render in many words: one outlet quotes "I'm so grateful", another
# reports "his gratitude", a third "thanked him". General English, not any story's words: each
# class lists the inflected cue words (verbs, nouns, adjectives) of one act, and two-word cues
# where a word only carries the act with its particle ("stand with", not "stand").
ACT_WORDS: dict[str, frozenset[str]] = {
    "welcome": words("greet greets greeted greeting greetings"),
    "thanks": words(
        "thank thanks thanked thanking thankful grateful gratitude appreciate appreciates "
        "appreciated appreciating appreciation"
    ),
    "support": words(
        "support supports supported supporting supportive backing backed backs solidarity "
        "stand_with stands_with stood_with standing_with stand_by stands_by stood_by side_with "
        "sides_with sided_with siding_with"
    ),
    "congratulate": words(
        "congratulate congratulates congratulated congratulating congratulation congratulations"
    ),
    "invite": words("invite invites invited inviting invitation invitations"),
    "condolences": words("condolence condolences sympathy sympathies"),
    "apology": words(
        "apologize apologise apologizes apologises apologized apologised apologizing "
        "apologising apology apologies"
    ),
}

# A welcome needs a guest: "welcome you", "welcome to Alder", "a warm welcome", and "glad to see
# you", "his pleasure in meeting him" (a feeling, a verb of meeting, a person). "We welcome the
# decision" approves of something; "happy to see the deal signed" is no greeting.
WELCOME_WORDS = words("welcome welcomed welcomes welcoming")

WARM_WORDS = words("warm warmly cordial cordially")

GLAD_WORDS = words("glad pleased happy delighted pleasure joy honoured honored")

MEETING_WORDS = words("see seeing meet meeting host hosting welcome welcoming receive receiving")

GUEST_WORDS = words("you him her them everyone everybody guests to")

NEGATIONS = words("not no never nor without cannot t")  # "t" is what is left of "n't"

# "Thanks to the rain": the cue word does not perform the act here.
NOT_ACTS = {("thanks", "to")}


# --- Merging: words too common to tell two reports apart --------------------------------------

COMMON_WORDS = frozenset(
    re.split(
        r"\s+",
        """
    a an the and or but of to in on at for with by from as into onto over after before during
    about against between through while than that this these those there their them they its it
    his her he she him we our you your i me my is are was were be been being has have had do does
    did will would could should may might can must not no also both such which who whom whose
    what when where how all any some more most other another each very just only so said says
    """.strip(),
    )
)


# --- Page cleaning ----------------------------------------------------------------------------

ABBREVIATIONS = {
    "mrs", "gen", "sen", "rep", "gov", "col", "capt", "sgt", "prof", "corp", "inc", "ltd", "sept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "est", "no",
}  # fmt: skip

SMALL_TITLE_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "into", "over", "about", "vs", "via", "after", "before", "amid", "against",
}  # fmt: skip


# --- Speakers without a name ---------------------------------------------------------------

# What something holds as it stands, counted: "the cabinet held 100 pieces", "three seats".
HELD_THINGS = words("piece item object share stake seat asset deposit bond record copy document")
# Nouns for people who speak for others without being named: "a senior official said".
PERSON_SPEAKER_NOUNS = words(
    """
    official spokesperson spokesman spokeswoman source aide adviser advisor diplomat officer
    engineer witness resident survivor lawyer attorney prosecutor investigator executive person
    employee staffer insider negotiator envoy minister people
    traveler traveller passenger visitor customer student worker teacher doctor nurse farmer
    voter supporter protester protestor neighbor neighbour fan player coach rescuer volunteer
    relative mother father son daughter wife husband owner manager director analyst expert
    scientist researcher reader viewer listener commenter
    schoolteacher pharmacist shopkeeper vendor trader driver pilot
    mourner activist parent grandmother grandfather brother sister friend
    colleague veteran firefighter fisherman retiree pensioner professor economist historian
    juror foreman forewoman defendant plaintiff
    lawmaker legislator backbencher councillor councilor congressman congresswoman
    man woman
    """
)
# Papers and plans that "call for" what they require ("the contract called for delivery by
# June"), where a person or a body calling for something demands it.
REQUIRING_NOUNS = words(
    "plan contract budget bill law proposal deal agreement treaty accord forecast rule policy "
    "scheme blueprint strategy design order ruling settlement measure package resolution"
)
# Words that count or leave out who speaks rather than place them: "many analysts", "other
# officials", "unnamed sources" are as bare as "officials".
VAGUE_SPEAKER_WORDS = words(
    "many other several most some few various numerous unnamed anonymous certain more"
)
# Of those, nouns that speak only one at a time: "the two men" are people the text named before.
SINGLE_SPEAKER_NOUNS = words("man woman")
# Nouns for bodies and their papers that speak: "the panel wrote", "an agency memo said".
BODY_SPEAKER_NOUNS = words(
    """
    agency ministry court panel committee commission council board company government department
    office police memo letter filing complaint report statement team authority authorities
    regulator union party campaign embassy consulate army military navy federation association
    bank lender firm telco airline carrier insurer watchdog county city staff presidency cabinet
    junta administration secretariat museum hospital university school club foundation charity
    operator utility tribunal
    """
)
# Of those, bodies a text names by the bare noun ("police said"): the noun is their name.
BARE_BODY_SPEAKERS = words("police")
# The staff a person speaks through: "the governor's office said".
OFFICE_NOUNS = words("office")
# Speakers a bare plural does not place: "officials" of whom? "Sources said", "people said".
UNPLACED_SPEAKER_NOUNS = words("official source person people")
# The people a body speaks through: "State EPA officials said" is the agency speaking; its
# workers or passengers speak for themselves.
STAFF_NOUNS = words("official spokesperson spokesman spokeswoman executive")
# What is filed against someone: "filed a lawsuit" is suing them ("filed for bankruptcy",
# "filed an appeal", "filed a complaint with the board" are not).
LAWSUIT_NOUNS = words("lawsuit suit case")
# What two or more speak in as one: "said in a joint statement".
JOINT_PAPERS = words("statement letter declaration communique release")
# Of those, the papers a body or a person speaks through ("its complaint said").
DOCUMENT_SPEAKER_NOUNS = words("memo letter filing complaint report statement")
# What a statement is made in: "In a statement posted on Tuesday, X said ..." was said then.
MEDIUM_NOUNS = words(
    "statement speech remarks address interview video letter memo post broadcast message"
)
# Of those, the ones that mean the organisation the article has been speaking of ("the agency").
BODY_REFERENCE_NOUNS = words(
    "agency ministry court company board government department office commission committee "
    "council regulator authority authorities embassy campaign federation association union party "
    "bank lender firm telco airline carrier insurer watchdog county city museum hospital operator"
)
# Of those, bodies of a kind a story has several of, or none, or a part of another body ("the
# board" of a company is not the company): "the union" is a union the text
# named ("her union, Dockers United"), never just the body spoken of most; "the government" is
# a country's, which the text names by its country, not by any body it spoke of.
NAMED_BODY_NOUNS = words(
    "court union party police county city government board committee museum hospital operator"
)
# Of those, a state's own offices and public bodies, which a text may describe by their country
# alone ("France's foreign ministry", "Spain's aviation regulator") and never name; a company or
# an airline so described is another's.
STATE_OFFICE_NOUNS = words(
    "ministry embassy consulate department presidency regulator watchdog agency commission "
    "authority government"
)

# Verbs that dismiss someone when their object is a person ("fired its head coach") and
# name another act otherwise ("fired a flare").
DISMISSAL_SENSES = words("fire sack axe oust")


# --- Telling a person's name from a body's ----------------------------------------------------

# Words of an institution's name that royal or personal names often open ("Queen Marta Hospital").
INSTITUTION_WORDS = words(
    """
    hospital clinic university college school academy institute foundation museum gallery hotel
    theatre theater cathedral church mosque temple library group holdings partners media club
    league society trust centre center network fund alliance coalition initiative movement
    project service
    """
)
# Words that make a name a body's or a place's, never a person's.
NOT_PERSON_NAME_WORDS = (
    BODY_SPEAKER_NOUNS
    | BODY_REFERENCE_NOUNS
    | COMPANY_SUFFIXES
    | FACILITY_NOUNS
    | INSTITUTION_WORDS
)
# Titles before a name that make it a person's ("Striker X", "Mayor X"); not a royal's, which
# name hospitals and schools too, nor "General" or "Secretary", which open bodies' names.
PERSON_TITLES = (
    (PERSONAL_TITLES - ROYAL_TITLES - words("general secretary"))
    | words("coach judge")
    | PLAYING_ROLES
)
# Nouns set beside a name that only a person is; an owner, a source or a leader (of a market)
# may be a company.
# Callings of the press: "X, the paper's correspondent," is a person, though one whose words a
# story seldom quotes as "a reporter said".
PRESS_NOUNS = words(
    "correspondent reporter journalist editor photographer columnist commentator presenter"
)
PERSON_NOUNS = (
    (ROLE_NOUNS | PERSON_SPEAKER_NOUNS | PRESS_NOUNS)
    - words("owner source people")
    # Callings a firm has too: "X, a software vendor", "X, a German trader", "its parent".
    - words("vendor trader driver pilot parent")
    - GENERIC_HEAD_ROLES
)

# Prepositions by which someone "appears" as an act: "in court", "before the committee".
APPEARANCE_PREPOSITIONS = words("in before at")

# Titles written short before a name ("Brig. Gen. Ilko Barmo", "Capt. Aja Kirk"): the full stop
# ends the word, not the sentence.
TITLE_ABBREVIATIONS = words(
    "mr mrs ms dr prof gen brig col lt capt cmdr cmdt adm maj sgt cpl pvt gov sen rep rev "
    "fr supt insp det amb pres"
)
