"""Splitting a saved news web page into typed blocks: what is the story and what is page furniture.

Saved pages mix the article with headings, photo captions, bylines, share/subscribe prompts,
comment forms, link lists and FAQ sections written for search engines. Only ``body`` blocks feed
event and quote extraction, so everything here errs on the side of keeping real paragraphs as body
while recognising the furniture that every news site has, whatever its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateparser.date import DateDataParser
from rapidfuzz import fuzz

from .lexicon import ABBREVIATIONS, SMALL_TITLE_WORDS
from .types import Block, BlockKind, CleanArticle

_TERMINAL = ".!?:;…\"”’')]"
# A wrapped line is long and stops mid-sentence; anything shorter is its own line (heading, byline).
_WRAP_MIN = 60

_BYLINE = re.compile(
    r"^\s*(?i:(?:written\s+|posted\s+)?by)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin))*)"
    # "By Ana Silva and staff", "By Ana Silva and agencies".
    r"(?:\s+(?:and|with)\s+(?:staff|agencies|wires|wire services|our reporters))?"
    # Where the writer filed from: "By Ilka Varga in Port Vessa".
    r"(?:\s+(?:in|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?=\s*(?:[|·•]|$)))?"
    r"\s*(?:[,|·•].*)?$"
)
# The words a newsroom's name is made of: "Harbour 9 News", "The Valmora Times", "KVNW Radio".
_NEWSROOM_WORDS = (
    "news|times|post|press|daily|weekly|journal|herald|ledger|wire|tribune|gazette|dispatch|"
    "courier|chronicle|observer|monitor|online|media|record|standard|tv|radio"
)
# A newsroom's own byline: "By Harbour 9 News staff", not "By Friday staff had walked out".
_STAFF_BYLINE = re.compile(
    r"^\s*(?i:by)\s+(?:the\s+)?(?P<name>(?:[A-Z0-9][\w.'’&-]*\s+){0,3}[A-Z0-9][\w.'’&-]*"
    rf"\s+(?i:{_NEWSROOM_WORDS}))\s+(?i:staff|reporters)\s*(?:[|·•].*)?$"
)
# A byline names its writers in a few words; what follows a separator ("| New York | Updated
# ...", "· 7 min read · 23 comments") is the page's, however long.
_BYLINE_WORDS = 8
_BYLINE_SEPARATOR = re.compile(r"\s[|·•]\s")
_HEADLINE_MAX_WORDS = 25
# One sentence ending and the next beginning: a word, a full stop, a capitalised word. Initials
# and abbreviations ("U.S.", "Mr.", "Gen.") end no sentence.
_SENTENCE_BREAK = re.compile(r"\b(?P<word>[A-Za-z][a-z]{2,})[.!?][\"”’')]*\s+[A-Z]")
_COMMENT_COUNT = re.compile(r"^\s*(?:\d+|no)\s+comments?\s*$", re.I)
_CAPTION = re.compile(
    r"\[(?:photo|image|picture|video|file photo)\b[^\]]*\]"
    r"|\((?:[\w.'’-]+\s+){0,4}(?:photo|image|picture)s?\b[^)]*\)"
    # A credit in brackets closing the caption: "(Harbour Record/Ana Silva)".
    r"|\((?:[A-Z0-9][\w.'’-]*\s){0,3}[A-Z0-9][\w.'’-]*\s?/\s?(?:[A-Z0-9][\w.'’-]*\s?){1,4}\)\s*$"
    r"|^\s*(?:photo|image|picture|credit|photograph|caption|file photo|pictured)s?\s*(?:credit)?"
    r"\s*:"
    # A map or chart with its label: "Map: The southern section ... Map data: X graphics".
    r"|^\s*(?:map|graphic|chart|infographic)s?\s*:"
    # A clip's label over its title, one short line: "VIDEO: Dockers marched on Monday",
    # "WATCH | Dockers ...", not "Video: the clip, filmed by a passenger, shows ...".
    r"|^\s*(?:watch|video|gallery|listen|audio)\s*[|:]\s+(?-i:[A-Z])[^.!?\n]{0,120}[.!?]?\s*$"
    r"|\b(?:getty images|afp via getty|shutterstock)\b"
    # A broadcaster's caption label: "Image caption, Rescuers searched the quay".
    r"|^\s*(?:image|media|video|photo) caption\s*[,:]"
    # An agency's credit closing a caption: "... on Thursday. REUTERS/Ana Silva", "(AP Photo/X)".
    r"|(?-i:(?:^|[.!?]\s+)\(?[A-Z]{2,}(?:[- ][A-Z]{2,})*(?: Photo)?\s?/\s?[A-Z][\w.'’-]+"
    r"(?:\s[A-Z][\w.'’-]+){0,3}(?:/File Photo)?\)?\s*$)"
    # Or the photographer first: "... on Tuesday. Ana Silva / AFP".
    r"|(?-i:[.!?]\s+(?:[A-Z][\w.'’-]+\s){1,3}/\s?[A-Z]{2,}(?:[- ][A-Z]{2,})*\s*$)"
    # A photographer credited after the caption: "... on Thursday. Ana Silva for The Record".
    r"|(?-i:[.!?]\s+(?:[A-Z][\w.'’-]+\s){1,3}for\s+(?:the\s+)?[A-Z][\w.'’-]*"
    r"(?:\s[A-Z][\w.'’-]*){0,3}\s*$)"
    # A caption that ends with its credit: "... outside the clinic. Photo: A. Name/Agency".
    r"|[.!?|]\s+(?:(?:photo|photograph|image|picture|video|illustration|sketch|drawing)s?"
    r"\s*(?:credit)?|credits?)\s*:\s*[A-Z]"
    r"(?:[^.!?]|\.(?=\s*[A-Z]))*$",
    re.I,
)
# Lines that are page furniture wherever they appear.
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:read (?:also|more)|see also|also read|related(?: articles| stories| posts)?|"
    r"subscribe\b|sign up\b|follow us\b|share (?:this|on)\b|click here\b|advertisement\b|"
    # "Sign in | Subscribe", "Log in": a bar, not "Login details of 2 million ... were stolen".
    r"(?:sign in|log ?in)\s*(?:$|[|·•])|"
    r"get the latest\b|download (?:our|the) app\b|join our\b|"
    # The page's link for screen readers past its menus: "Skip to content".
    r"skip to (?:the )?(?:main )?(?:content|navigation|article|story)\s*$|"
    r"translated from [a-z]+(?:\s+by\s+[^.,]{1,40})?\s*\.|"
    r"this (?:article|story) (?:was|has been) translated\b|"
    r"your email address will not be published|required fields are marked|"
    r"(?:©|copyright\b|\(c\)\s*\d{4})|all rights reserved)",
    re.I,
)
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# The most words a page's note over the headline takes; a longer paragraph is the story's.
_NOTE_WORDS = 25
# How long a clip plays, closing its label: "(2:41)", "(1:02:15)".
_PLAYING_TIME = re.compile(r"\(\d{1,2}(?::\d{2}){1,2}\)\s*$")
# A place named in capitalised words: "Harbourton", "Port Vessa, Valmora".
_PLACE = r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*(?:,\s[A-Z][\w'’.-]*)?"
_BOILERPLATE_ANYWHERE = re.compile(
    r"\bdelivered (?:straight )?to your (?:inbox|phone)\b|\ball rights reserved\b"
    r"|\bcontributed (?:reporting )?to this (?:report|story|article)\b"
    r"|\b(?:get|sign up for)\b.{0,60}\bin your inbox\b|^\s*filed under\b"
    r"|^\s*reading time\b|\b\d+\s*min(?:ute)?s?\s+read\s*$"
    # When the page last changed, with no date to go by: "Last updated 8:05 p.m.".
    r"|^\s*(?:last\s+)?updated\b(?:[^.!?]|[ap]\.m\.?){0,50}$"
    # The paper's own note on the page: "Correction: An earlier version of this article ...".
    r"|^\s*(?:correction|clarification|editor['’]?s note)(?:,[^.!?\n:]{0,20}\d[^.!?\n]{0,20}?)?"
    r"\s*:\s"
    # "UPDATE, 2:47 PM: This story has been updated ...", not a live page's "Update: ...".
    r"|^\s*update,[^.!?\n]{1,30}?:\s+this (?:story|article|report|page)\b"
    # When the page changed, dated: "Updated July 5, 2021, 8:10 p.m. This story was ...".
    r"|^\s*updated\s+(?:on\s+)?(?:"
    + _MONTH_NAME
    + r"\s+\d{1,2}|\d{1,2}\s+"
    + _MONTH_NAME
    + r"),?\s+\d{4}\b"
    # Other stories of the site in one line: "Trending on Lakeshore 8: Snow warning | ...".
    r"|^\s*(?:trending|most read|top stories|popular now|catch up|in depth|more on this)\b"
    r"[^:.!?]{0,40}:.*\s[|·•]\s"
    # The outlet on itself: "X is an editorially independent publication. Our editorial
    # policy ... is available here."
    r"|(?-i:^\s*(?:[A-Z][\w'’.-]*\s){1,4})is an? (?:editorially )?independent "
    r"(?:publication|newsroom|news (?:site|organi[sz]ation))\b"
    r"|\bour (?:editorial policy|ethics (?:policy|statement)|standards)\b[^.!?]{0,60}"
    r"\bavailable here\b"
    r"|\bsign up here\b|\b(?:get|receive) (?:our )?breaking news alerts\b"
    r"|\bdownload (?:the|our) (?:\w+ ){0,3}app\b|^\s*refresh (?:this|the) page\b"
    # Gift links: "Send any friend a story", "you have 10 gift articles to give each month".
    r"|^\s*send any friend a story\b|\byou have \w+ gift articles?\b"
    r"|\bgift articles? to give (?:each|every|a) (?:month|week)\b"
    # The page's audio player: "Listen to this article · 6 min".
    r"|^\s*listen to (?:this|the) (?:article|story)\b"
    # Who wrote it and where from, told under or over the story: "X reported from Harbourton;
    # Y from Porto.", "X is the Record's transport correspondent."
    r"|(?-i:^\s*(?:[A-Z][\w'’.-]+\s){1,3}(?:reported|filed)\s+from\s+"
    + _PLACE
    + r"(?:[;,]?\s+(?:and\s+)?(?:[A-Z][\w'’.-]+\s){1,3}(?:reported\s+)?from\s+"
    + _PLACE
    + r")*\.?\s*$)"
    r"|(?-i:^\s*(?:[A-Z][\w'’.-]+\s){1,3}is\s+(?:a|an|the)\s+(?!former\b)(?:[\w'’-]+\s){0,5}"
    r"(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|producer"
    r"|photographer)(?:\s+(?:for|at|with|covering|based)\b[^.!?;]{0,60})?\.?\s*$)"
    # The paper's own notes: who helped, who pays, how to reach it, what changed.
    r"|(?-i:^\s*(?:[A-Z][\w'’.-]+\s){1,4}(?:and\s+(?:[A-Z][\w'’.-]+\s){1,3})?contributed "
    r"reporting\b)"
    # "Record reporter Ana Silva contributed from Dorvale." ("... from Dorvale and Porto."), not
    # "the funds were contributed from Valmora".
    r"|(?-i:^\s*[A-Z][\w'’.-]*\s(?:[\w'’.-]+\s){0,5}(?<!was )(?<!were )(?<!been )contributed\s+"
    r"(?:reporting\s+)?from\s+" + _PLACE + r"(?:(?:,|,?\s+and)\s+" + _PLACE + r")*\.?\s*$)"
    # A social post set into the page, and the chrome around it: "Skip twitter post by X",
    # "View this post on Instagram", "A post shared by X (@x) on Mar 12, 2024", a short post
    # ending in its picture link and who posted it.
    r"|^\s*(?:skip|end of) (?:twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads) "
    r"(?:post|content|video)\b|^\s*view this (?:post|video) on \w+\s*$"
    r"|^\s*a (?:post|video|photo) shared by\b[^.!?]{0,60}\(@[\w.]+\)"
    r"(?:\s*(?:on|•)\s[^\n]{0,40})?\s*$"
    r"|^.{0,300}\bpic\.(?:twitter|x)\.com/\S+\s*(?:[—–-][^\n]{0,80})?$"
    r"|^\s*this (?:article|page|story) (?:contains|includes) content provided by\b"
    r"|^\s*allow (?:twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads) content\?"
    r"|^\s*this content is not available due to your privacy preferences\b"
    # Who wrote it, told after it: "Record journalists A and B wrote this report."
    r"|(?-i:^\s*(?:(?:[A-Z][\w'’.-]+\s){1,3}(?:journalists?|reporters?|correspondents?|staff)\s)?"
    r"(?:[A-Z][\w'’.-]+\s){1,3}(?:and\s(?:[A-Z][\w'’.-]+\s){1,3})?wrote this "
    r"(?:report|story|article)\.?\s*$)"
    # The paper's own notes on the page: "An earlier version of this story misstated ...",
    # "Updated at 5 p.m. with comments from the mayor", "Information from X was used in this
    # report".
    r"|^\s*an? (?:earlier|previous) version of this (?:story|article|report)\b[^.!?\n]{0,100}"
    r"\b(?:misstated|misidentified|misspelled|misspelt|misquoted|misattributed|incorrectly|"
    r"wrongly|erroneously)\b[^.!?\n]{0,150}[.!?]?\s*$"
    r"|^\s*updated\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
    r"\s+(?:with|to include)\b[^.!?\n]{0,150}[.!?]?\s*$"
    r"|^\s*information from\s+(?:the\s+)?(?-i:[A-Z])[^.!?]{0,60}\bwas used in this "
    r"(?:report|story|article)\.?\s*$"
    # Where the page came from: "With files from The Wire, Reuters", "This article originally
    # appeared on X".
    r"|^\s*(?:[—–-]\s*)?with files from\s+(?-i:(?:the\s+|The\s+)?[A-Z])[^.!?]{0,80}\.?\s*$"
    r"|^\s*originally published\b(?!.*,\s+[a-z])"
    r"|^\s*this (?:article|story) (?:(?:originally|first) (?:appeared|ran)"
    r"|was (?:first |originally )published)\b|^\s*disclaimer\s*:"
    # Comments shut on the page itself: "Note: Comments have been disabled on this article."
    r"|^\s*(?:note\s*:\s*)?comments (?:have been|are|were) (?:disabled|closed|turned off)"
    r"(?:\s+(?:on|for) this (?:article|story|page|post))?"
    r"(?:\s+(?:due to|because of)\s[^.!?]{0,60})?\.?\s*$"
    r"|^\s*this (?:article|story|report) (?:has been|was) (?:updated|"
    r"corrected|amended)\b|^\s*this (?:article|story|report|series) (?:was|is) (?:produced|"
    r"supported|funded|made possible)\b|^\s*(?:contact|email|write to) (?:the )?(?:author|"
    r"reporter|writer|us)\b|^\s*have a (?:news )?tip\b"
    r"|^\s*(?:please\s+)?(?:support|fund) (?:our|independent|local) journalism\b"
    r"|^\s*thank you for reading\b|^\s*please consider (?:supporting|subscribing|donating)\b"
    # Appeals for money and the page's word on its links: "Support X. We are funded by our
    # readers ...", "Become a member from $5 a month", "X is not responsible for the content
    # of external sites."
    r"|\b(?:we are|we're|is) funded by (?:our )?readers\b|^\s*become a (?:member|supporter)\b"
    r"|\bis not responsible for the content of external (?:internet )?(?:sites|websites|links)\b"
    # A markets strip's small print: "Data delayed by at least 15 minutes. Prices in francs
    # unless stated."
    r"|\bdata (?:is )?delayed by (?:at least )?\d+ min"
    r"|\bprices\b[^.!?]{0,40}\bunless (?:otherwise )?stated\.?\s*$"
    r"|^\s*(?:our standards|watch|listen|read next|up next|trending)\s*:|^\s*explore more\b"
    # Paid-for blurbs, play buttons, galleries and files the page links to: "Sponsored · ...",
    # "▶ 3:27 | WATCH: ...", "Photo gallery: 1 of 31 · ...", "Read the full order here (PDF)".
    r"|^\s*(?:sponsored|paid (?:post|content|partner)|promoted|partner content)\s*[·|:•]"
    r"|^\s*[▶►]\s*\S|^\s*(?:photo )?gallery\s*:?\s*\d+\s+of\s+\d+\s*[·|:•—–-]"
    r"|^\s*(?:read|see|download|view) the full (?:[\w-]+ ){0,3}(?:report|order|ruling|text"
    r"|statement|decision|filing|document|transcript|letter|list|judgment|indictment|complaint"
    r"|speech|update|release|notice|announcement)\b"
    r"[^.!?]{0,60}\bhere\b"
    # The page in another language: "This article is also available in French. Lire en ...".
    r"|^\s*this (?:article|story|page) is (?:also )?available in [a-z]+\b"
    # The page's players: "Podcast: On today's episode ...", "Video: Watch the ceremony (24:06)".
    r"|^\s*(?:[\w-]+\s+)?(?:podcast|video|audio)\s*:.*(?:\(\d{1,2}(?::\d{2}){1,2}\)|\(\d+ min\)"
    r"|\blisten now\b)"
    # Who reported, wrote and edited it, in brackets under the story: "(Wire reporting by X and
    # Y; additional reporting by Z)", "(Reporting by X; Editing by Y)".
    r"|^\s*\([^()]*\b(?:reporting|writing|editing)\s+by\s+(?-i:[A-Z])[^()]*\)\s*$"
    # A pitch to subscribe: "X subscribers get unlimited access to ... Subscribe from £1 a
    # month.", "Subscribers can download ... from the members' area."
    r"|\bsubscribers?\s+(?:get|enjoy|have|receive)\s+(?:unlimited|full|exclusive|premium|"
    r"ad-free)\s+access\s+to\s+(?:all\s+)?(?:our|the site|every)\b"
    r"|(?:^|[.!?]\s+)subscribe\s+(?:from|for)\s+(?:just\s+|only\s+)?[£$€]\s?\d"
    r"|^\s*subscribers\s+can\s+(?:download|read|listen to|watch)\b[^.!?]*"
    r"\b(?:our|members['’]\s+area)\b"
    r"|^\s*follow\b.{0,60}\bon (?:x|twitter|facebook|instagram|threads|bluesky|linkedin|"
    r"tiktok|youtube)\b|^\s*don['’]t miss (?:out|a story)\b|^\s*get (?:our|the) (?:free )?app\b"
    r"|^\s*a version of this (?:article|story) appears in print\b"
    r"|\b(?:is|are) (?:a|an|the|your) (?:\w+ ){0,3}(?:news|media) (?:portal|site|website|"
    r"outlet|platform|source|aggregator)\b"
    # Where a republished story first ran: "This article was originally published on ... by X
    # and is republished here with permission."
    r"|^\s*this (?:article|story|piece|report) (?:was|is) (?:originally|first) "
    r"(?:published|posted|appeared)\b|\brepublished (?:here )?with permission\b"
    # The page's tools and the paper's notes on it: "Gift this article: ...", "Save for later |
    # Print", "Audio version: 4 min", "Follow Health: get an alert whenever we publish ...",
    # "Text by: X with wires", "All times are GMT. This page is no longer being updated.",
    # "From our Europe desk".
    r"|^\s*gift (?:this )?article\s*:|^\s*save for later\s*(?:[|·•]|$)"
    r"|^\s*audio version\s*:\s*(?:\d|listen)"
    r"|\bget an? (?:alert|notification|email)s? (?:whenever|when|every time) we (?:publish|post)\b"
    r"|^\s*turn on (?:alerts|notifications)\b|^\s*follow our live (?:coverage|updates|blog)\b"
    r"|^\s*text by\s*:\s*[A-Z][^.!?]{0,60}$"
    r"|^\s*all times (?:are|in) (?:(?-i:[A-Z]{2,4})\b|local\b|(?-i:[A-Z][a-z]+) time\b)"
    r"|^\s*this page is no longer (?:being )?updated\b"
    r"|^\s*from our (?:[\w-]+\s){1,3}desk\s*\.?\s*$"
    # A paywall: "Subscribers get unlimited access to ... Already a member? Log in".
    r"|\balready an? (?:member|subscriber)\b"
    # "Originally published on Harbour Wire.": a short line of its own, not "First published in
    # 1851, the Gazette ...".
    r"|^\s*(?:originally|first) (?:published|posted|appeared) (?:on|in|by) [^,;]{1,60}$"
    # The page speaking of itself or asking the reader for something.
    r"|^\s*this is an? (?:developing|breaking)(?: news)? (?:story|report)\b"
    r"|^\s*this (?:article|story|piece|report) is part of (?:our|an?|the) [^.]{0,60}"
    r"\b(?:series|coverage|project|package|collaboration|partnership)\b(?![^.]*\bsaid\b)"
    r"|^\s*the views expressed (?:in|here|on) (?:this|these)\b"
    r"|^\s*(?:got|have) a (?:news )?tip\b|\blet us know in the comments\b|^\s*have your say\b"
    r"|^\s*want more (?:stories|news|coverage)\b|^\s*live updates?\s*:"
    r"|^\s*(?:write to|contact|email)\b[^.!?]{0,60}\b[\w.+-]+@[\w-]+\.[\w.]+"
    # The page asking its readers in, or telling them how its comments run: "We want to hear
    # from you: ...", "Join the conversation: ...", "Comments are moderated.", "Comments (42) |
    # Leave a comment".
    # Each is the page's own words only as told to the reader, closed by a colon or a full
    # stop, not as a sentence of the story ("We want to hear from you, Silva told parents").
    r"|^\s*(?:we(?:['’]d| would)? (?:want|like|love) to hear from you|join the conversation)"
    r"\s*(?::|[.!]\s*(?:$|(?:send|e-?mail|tell|share|write|contact|call|use|fill|submit)\b))"
    r"|^\s*comments (?:on this (?:article|story|page) )?(?:are|have been) (?:(?:moderated|closed"
    r"|now closed|turned off)\s*[.!]?|open to (?:subscribers|members|readers)\b[^.!?]{0,30}"
    r"[.!]?)(?:\s+please\b[^\n]*)?$"
    r"|^\s*comments?\s*\(\d+\)|\bleave a comment\s*$"
    # Where the story ran in the paper: "This article appears in the Weekend print edition on
    # page 3.", "Appeared in the March 9, 2024, print edition as '...'."
    r"|^\s*(?:this (?:article|story) )?appear(?:s|ed) in the [^.!?]{0,40}\bprint edition\b"
    # What the paywall counts and waives: "You have 3 free articles remaining this month.",
    # "This article is free to read."
    r"|^\s*you have (?:\d+|\w+) free (?:articles?|stories|reads?) (?:left|remaining)\b"
    r"(?![^.!?]*\b(?:said|told|wrote)\b)"
    r"|^\s*this (?:article|story) is free to read\b"
    # Where readers can give: "How to help: a list of ... See the list ›".
    r"|^\s*how (?:to|you can) help\s*:(?![^.!?]*\b(?:said|told|says)\b)"
    # The site sending its reader elsewhere on itself: "Read the full transcript on our hub."
    r"|^\s*(?:read|watch|listen to|see|explore|find)\b[^.!?]{0,100}"
    r"\b(?:on|at|in) our (?:\w+ ){0,3}(?:hub|page|site|website|app|podcast|channel|live ?blog)\b",
    re.I,
)
# Once one of these appears, the article is over: the rest is comments, link lists and site ads.
_END_MARKER = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|post a comment|comments?|you (?:may|might) also like|"
    r"more (?:about|from|on)\b|popular posts?|editors[’']? picks|latest (?:news|posts|stories)|"
    r"related posts|recommended(?: for you)?|trending(?: now)?|most read|tags?:)",
    re.I,
)
# "3 thoughts on “<the title>”", "12 responses to ...": a blog's comments begin, however long
# the title it repeats.
_COMMENTS_START = re.compile(
    r"^\s*\d+\s+(?:(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\b"
    r"|(?:thoughts?|responses?|replies)\s*$)"
    r"|^\s*comments? (?:are|is) (?:now )?closed\b",
    re.I,
)
# Site banners above a headline: "WEATHER ALERT: ...", "TRAFFIC ADVISORY: ..." (a "BREAKING:"
# line is the headline itself).
# A markets strip over the headline: "USD/VAL 1.0412   HRBR 3.27 ▼4.1%   Markets closed", a
# currency pair or prices set out in columns; not a headline with one move in it ("Harbour
# Lines shares ▲12% as ...").
_TICKER = re.compile(
    r"\b[A-Z]{3}/[A-Z]{3}\s+\d[\d.,]*\s{2,}|[▲▼].*[▲▼]|[▲▼][^\n]*\s{3}|\s{3}[^\n]*[▲▼]"
)
_BANNER = re.compile(r"^\s*[A-Z]+\s+(?:ALERT|ADVISORY|WARNING|NOTICE)\s*:")
# Breaking news, the story's own headline, or a banner of another story over the site's
# furniture: "BREAKING: Route 27 reopened ..." above the cookie notice and the menu.
_BREAKING = re.compile(r"^\s*(?:BREAKING(?: NEWS)?|JUST IN)\s*:")
# A newsroom's name ("VALLEY 9 NEWS", "HARBOUR DAILY"), and how a banner over a headline
# opens ("BREAKING NEWS | ...", "EXCLUSIVE | ...").
_NEWSROOM = re.compile(rf"\b(?:{_NEWSROOM_WORDS})\b", re.I)
_BANNER_WORD = re.compile(r"(?:breaking|live|exclusive|update|watch|developing)\b", re.I)
# Words that name a news site or a blog rather than tell a story.
_SITE_WORD = re.compile(rf"\b(?:{_NEWSROOM_WORDS}|notebook|blog|review|today|digest|\d+)\b", re.I)
_CRUMB = re.compile(r"\s+[/»›>|]\s+")
_FAQ_HEADING = re.compile(r"^\s*(?:frequently asked questions|faqs?\b|q\s*&\s*a\b)", re.I)
# A live page's entry time, alone or before the entry's title: "11:40 p.m.", "5:20 p.m. | ...".
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?"
_CLOCK_LINE = re.compile(rf"^{_CLOCK}\s*$", re.I)
_LIVE_STAMP = re.compile(rf"^{_CLOCK}\s*(?:$|[|·•—–]\s+\S[^.!?]{{0,100}}$)", re.I)
_ENTRY_TITLE_WORDS = 15
# A few quoted words on a line of their own, with no sentence around them: "‘Not one
# boat left’" over the section that quotes it in full ("“We sail at dawn.”", a sentence, is a
# speaker going on).
_QUOTE_HEADING = re.compile(r"^[“‘\"'][^“”\"\n]{1,80}?[^,.!?…][”’\"']$")
_QUOTE_HEADING_WORDS = 12
_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*\-–]\s+|[›→]\s*)")
_PRINTED_DATE_PREFIX = re.compile(
    r"^\s*(?:(?:first |originally )?published|updated|posted|last updated|(?:last )?modified"
    r"|date)(?:\s+on)?\s*:?\s*",
    re.I,
)
# The part of a date line that says when the article first appeared.
_PUBLISHED_LABEL = re.compile(r"^\s*(?:first |originally )?(?:published|posted)\b", re.I)
_CLOCK_TIME = re.compile(
    r"[,|·•\s-]*\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\s*$", re.I
)
_AFTER_PRINTED_DATE = re.compile(
    r"\s+[|·•]\s+|,\s+(?=(?:updated|modified)\b)|\s+and\s+(?:last\s+)?(?:updated|modified)\b"
    r"|(?<!last)\s+(?=(?:last\s+)?(?:updated|modified)\s*:)"
    r"|\s+by\s+(?=[A-Z])"
    # "Mar. 14, 2024 / 9:15 AM / Harbour Wire", not "14 / 03 / 2024"
    r"|(?<!\b\d)(?<!\b\d\d)\s+/\s+",
    re.I,
)
_MONTH_OR_DIGIT = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)

_date_parser = DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def clean_article(text: str) -> CleanArticle:
    """Classify every paragraph-like block of ``text``; offsets index into ``text`` itself."""
    lines = _segments(text)
    kinds: list[BlockKind] = ["body"] * len(lines)
    headline = ""
    author: str | None = None
    printed_date = None
    stamped_date = None

    # The top of the page: an optional printed date, section label and byline, the headline, a
    # subheadline. A page that opens with a body paragraph has no headline to find.
    i = 0
    furniture = 0
    while i < len(lines) and i - furniture < 4 and not headline:
        t = lines[i].text.strip()
        if (
            _is_masthead(t)
            or _is_breadcrumb(t)
            or _BOILERPLATE_LINE.match(t)
            or _TICKER.search(t)
            or (_BREAKING.match(t) and i + 1 < len(lines) and _site_chrome(lines[i + 1].text))
        ):
            # Cookie notices, the site's name in capitals, its menu, the trail of sections, a
            # "Subscribe | Log in" bar, a banner above them: above the headline, and not to be
            # taken for it.
            kinds[i] = "boilerplate"
            furniture += 1
        elif (parsed := _printed_date(t)) is not None:
            kinds[i] = "dateline"
            if _stamped(t):
                stamped_date = stamped_date or parsed
            else:
                printed_date = printed_date or parsed
        elif m := _byline(t):
            kinds[i] = "byline"
            author = author or m.group("name").strip()
            if (parsed := _date_beside_byline(t)) is not None:
                stamped_date = stamped_date or parsed
        elif (
            _BOILERPLATE_ANYWHERE.search(t)
            and len(t.split()) <= _NOTE_WORDS
            and (not _could_be_headline(t) or _PLAYING_TIME.search(t))
        ):
            # A newsletter prompt, a note that the page was updated or first ran elsewhere, a
            # player ("Watch: ... (2:41)"); not a labelled headline ("WATCH: ...", "LIVE
            # UPDATES: ...").
            kinds[i] = "boilerplate"
            furniture += 1
        elif len(t.split()) < 2:
            # A section label or kicker ("World", "Politics"), or a one-word prompt.
            kinds[i] = "boilerplate" if _BOILERPLATE_LINE.match(t) else "heading"
        elif _is_site_name(t, _next_title_line(lines, i)) or _above_menu(t, lines, i):
            kinds[i] = "boilerplate"
            furniture += 1
        elif _could_be_headline(t):
            kinds[i] = "headline"
            headline = t
        else:
            break
        i += 1
    if headline and i + 1 < len(lines) and _is_breadcrumb(lines[i].text):
        # A trail of sections sits above a headline, never under it: what came before it was
        # the site's tagline, and the headline follows, past a printed date or a note on the
        # page ("Translated from German.").
        k = i + 1
        while k < min(len(lines) - 1, i + 3) and (
            _printed_date(lines[k].text.strip()) is not None
            or _BOILERPLATE_LINE.match(lines[k].text.strip())
        ):
            k += 1
        after = lines[k].text.strip()
        if _could_be_headline(after) and not _byline(after) and not after.endswith("."):
            kinds[kinds.index("headline")] = "boilerplate"
            kinds[i] = "boilerplate"
            for between in range(i + 1, k):
                t = lines[between].text.strip()
                if (parsed := _printed_date(t)) is not None:
                    kinds[between] = "dateline"
                    printed_date = printed_date or parsed
                else:
                    kinds[between] = "boilerplate"
            kinds[k] = "headline"
            headline = after
            i = k + 1
    if (
        headline
        and i < len(lines)
        and (_looks_like_title(lines[i].text) or _is_standfirst(lines[i].text))
        and not _CAPTION.search(lines[i].text)
        and not _byline(lines[i].text)
        and _printed_date(lines[i].text.strip()) is None
    ):
        kinds[i] = "subheadline"

    ended = False
    in_faq = False
    links = False
    listing = False  # in a list of the site's other stories
    stamped = False  # the line before was a live entry's time
    boxed = False  # in the bullet points of a summary box
    helping = False  # in a box of where to give or get help, up to the next heading
    told = False  # a body paragraph has been seen
    for j, line in enumerate(lines):
        if kinds[j] != "body":
            # A date printed just under the headline is as much evidence as one above it.
            continue
        t = line.text.strip()
        if ended:
            kinds[j] = "boilerplate"
            continue
        if j < 8 and (parsed := _printed_date(t)) is not None:
            kinds[j] = "dateline"
            if _stamped(t):
                stamped_date = stamped_date or parsed
            else:
                printed_date = printed_date or parsed
            continue
        if _FAQ_HEADING.match(t) and _looks_like_heading(t, allow_question=True):
            in_faq = True
            kinds[j] = "boilerplate"
            continue
        titled = not _SENTENCE_ENDED.search(t)
        # The next item of a list runs on with no blank line, whatever it ends with ("› Who is
        # left?").
        item = listing and _BULLET.match(t) is not None
        if listing and (titled or item) and text[lines[j - 1].end : line.start].count("\n") < 2:
            kinds[j] = "boilerplate"  # the next title of the list, with no blank line between
            continue
        if listing and titled and not _looks_like_heading(t, allow_question=False):
            ended = True  # the page goes on with more of its own links, not the story
            kinds[j] = "boilerplate"
            continue
        listing = False
        if _MORE_STORIES_HEAD.match(t):
            # The site's other stories, a list that may sit inside the story: titles without a
            # full stop, up to a blank line; the story goes on if a sentence or a heading
            # follows.
            kinds[j] = "boilerplate"
            listing = True
            continue
        if (
            _END_MARKER.match(t) and _looks_like_heading(t, allow_question=False)
        ) or _COMMENTS_START.match(t):
            ended = True
            kinds[j] = "boilerplate"
            continue
        if in_faq:
            # An FAQ restates the article as questions and answers; it runs until a plain heading.
            if _looks_like_heading(t, allow_question=False) and not t.endswith("?"):
                in_faq = False
            else:
                kinds[j] = "boilerplate"
                continue
        if m := _byline(t):
            kinds[j] = "byline"
            author = author or m.group("name").strip()
            if (parsed := _date_beside_byline(t)) is not None:
                stamped_date = stamped_date or parsed
            continue
        if (
            not told
            and j > 0
            and kinds[j - 1] in ("headline", "subheadline")
            and _bare_name(t)
            and j + 1 < len(lines)
            and not _bare_name(lines[j + 1].text.strip())
        ):
            # A writer's name on a line of its own under the headline and standfirst, without
            # "By": the byline.
            kinds[j] = "byline"
            author = author or t
            continue
        if (
            not told
            and j + 1 < len(lines)
            and (_byline(lines[j + 1].text.strip()) or _bare_name_after(lines, kinds, j))
            and len(t.split()) <= 45
        ):
            # Between the headline and the byline, before any body: the standfirst, full stop
            # or not ("In short: the fare goes up to 3 euros. Here is how it happened.").
            kinds[j] = "subheadline"
            continue
        if _COOKIES.search(t) and _CONSENT.search(t) and len(t.split()) <= 40:
            kinds[j] = "boilerplate"  # a cookie notice at the foot of the page
            continue
        if _SUMMARY_BOX_HEAD.match(t):
            kinds[j] = "heading"
            boxed = True
            continue
        if _HELP_BOX_HEAD.match(t):
            kinds[j] = "heading"
            helping = True
            continue
        if helping and not _looks_like_heading(t, allow_question=False):
            # Where to donate or register for aid: the page's service to its readers, whose
            # funds and offices are no part of what happened.
            kinds[j] = "boilerplate"
            continue
        helping = False
        if boxed and _BULLET.match(line.text):
            kinds[j] = "boilerplate"
            continue
        boxed = False
        if _QUOTE_HEADING.match(t) and len(t.split()) <= _QUOTE_HEADING_WORDS:
            kinds[j] = "heading"  # a section titled with a line the section quotes
            continue
        if _LIVE_STAMP.match(t):
            # A live page's entry: its time on a line of its own, then the entry's title, or
            # both on one line ("6:10 p.m. | Ferry reaches port").
            stamped = True
            kinds[j] = "boilerplate" if _CLOCK_LINE.match(t) else "heading"
            continue
        if stamped and len(t.split()) <= _ENTRY_TITLE_WORDS and not t.endswith((".", "!", "?")):
            stamped = False
            kinds[j] = "heading"
            continue
        stamped = False
        if told and _COMMENT_COUNT.match(t):
            ended = True  # "12 Comments" under the story: the readers' comments follow
            kinds[j] = "boilerplate"
            continue
        if (
            _COMMENT_COUNT.match(t)
            or _BOILERPLATE_LINE.match(t)
            or _BOILERPLATE_ANYWHERE.search(t)
            or _WIRE_CREDIT.match(t)
        ):
            kinds[j] = "boilerplate"
            links = bool(_LINK_LIST_HEAD.match(t))
            continue
        if links and not t.endswith((".", "!", "”", '"')):
            kinds[j] = "boilerplate"  # the titles a "Read more:" line lists
            continue
        links = False
        if (
            _CAPTION.search(t)
            or _is_repeated(lines, j)
            or _pulled_out(lines, j)
            or _SET_OUT_QUOTE.match(t)
        ):
            kinds[j] = "caption"
            continue
        if _BULLET.match(line.text) and not t.endswith((".", "!", "?")):
            kinds[j] = "boilerplate"  # link lists; real bullet points read as sentences
            continue
        if headline and fuzz.ratio(_norm(t), _norm(headline)) > 92:
            kinds[j] = "boilerplate"  # the headline repeated in the page
            continue
        if _looks_like_heading(t, allow_question=False):
            kinds[j] = "heading"
        else:
            told = True

    _cut_off_ending(lines, kinds)
    for j in _author_notes(lines, kinds, author):
        kinds[j] = "boilerplate"
    blocks: list[Block] = []
    ledes = 0
    for k, line in zip(kinds, lines, strict=True):
        if k == "body" and ledes < 2:
            ledes += 1
            if (cut := dateline_length(line.text, dashless=ledes == 1)) and cut < len(line.text):
                # "PORT VESSA, Mar 3 (Wire) - Crews ...": the place and the agency are furniture.
                blocks.append(Block("dateline", line.text[:cut], line.start, line.start + cut))
                blocks.append(Block("body", line.text[cut:], line.start + cut, line.end))
                continue
        blocks.append(Block(kind=k, text=line.text, start=line.start, end=line.end))
    return CleanArticle(
        headline=headline,
        author=author,
        blocks=tuple(blocks),
        printed_date=printed_date,
        stamped_date=stamped_date,
    )


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_IN_DATELINE = rf"(?:{_MONTH_WORD}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_WORD})(?:,?\s+\d{{4}})?"
_AGENCY = r"\((?:[A-Z][\w&.'’-]*\s?){1,4}\)"
# A wire dateline opening a lede: a place in capitals ("HARBOURTON", "NEW YORK, N.Y.", "ALDER,
# Valmora"), or a place with a date or an agency, then a dash: "PORT VESSA, Mar 3 (Wire) -";
# two places with a date or an agency, for a story filed from both ("HARBOURTON/PORT VESSA, Mar 3
# (Wire) -"): with neither, "HIV/AIDS - related deaths" is the story's.
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z.'’-]{{2,}}(?:\s*/\s*[A-Z][A-Z.'’-]+){{1,3}}"
    rf"(?:,\s*{_DATE_IN_DATELINE}\s*(?:{_AGENCY})?|\s*{_AGENCY})\s*[-—–]{{1,2}}\s+"
    rf"|(?:[A-Z][A-Z.'’-]{{2,}}(?:\s+[A-Z][A-Z.'’-]+){{0,3}})"
    rf"(?:,\s*[A-Z][\w.'’ -]{{1,25}}?)?"
    rf"(?:,\s*{_DATE_IN_DATELINE})?\s*(?:{_AGENCY})?\s*[-—–]{{1,2}}\s+"
    rf"|(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,2}})(?:,\s*[A-Z][\w.'’ -]{{1,25}}?)?"
    rf"(?:,\s*{_DATE_IN_DATELINE}\s*(?:{_AGENCY})?|\s*{_AGENCY})\s*[-—–]{{1,2}}\s+"
    # With a colon for the dash, as some papers write it: "CHENNAI, Sept 4: ...", "CAIRO: ...".
    rf"|[A-Z][A-Z.'’-]{{2,}}(?:\s+[A-Z][A-Z.'’-]+){{0,3}},\s*{_DATE_IN_DATELINE}"
    rf"\s*(?:{_AGENCY})?\s*:\s+(?=[A-Z])"
    rf")"
)
# A scrape that lost the dash: "HARBOURTON The council voted ...". Only a run of capitals of
# five letters or more (not an acronym such as ACME) before a capitalised word.
_DASHLESS_DATELINE = re.compile(
    r"^[A-Z]{5,}(?:\s+[A-Z]{2,})*(?:,\s*[A-Z][a-z]+)?\s+(?=[A-Z][a-z])"
    # The story's first paragraph may open on its place in capitals and a colon ("DORVALE:
    # ..."). One in capitalised words ("Port Vessa: ...") is left: it reads as a label
    # ("Factbox:", "Latest:") or a speaker's name in a transcript as often.
    r"|^[A-Z]{4,}(?:\s+[A-Z]{2,}){0,2}:\s+(?=[A-Z][a-z])"
)


def dateline_length(text: str, *, dashless: bool = True) -> int:
    """How many leading characters of a lede paragraph are its dateline (0 when none)."""
    m = _DATELINE.match(text) or (dashless and _DASHLESS_DATELINE.match(text))
    return m.end() if m else 0


def _segments(text: str) -> list[_Line]:
    """Non-empty lines, with hard-wrapped lines of one paragraph joined back together."""
    raw: list[_Line] = []
    pos = 0
    for chunk in text.split("\n"):
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = pos + lead
            raw.append(_Line(start, start + len(stripped), stripped))
        else:
            raw.append(_Line(pos, pos, ""))
        pos += len(chunk) + 1
    out: list[_Line] = []
    prev_blank = True
    for line in raw:
        if not line.text:
            prev_blank = True
            continue
        if (
            out
            and not prev_blank
            and len(out[-1].text) >= _WRAP_MIN
            and not out[-1].text.endswith(tuple(_TERMINAL))
            and line.text[:1].islower()
        ):
            merged = _Line(out[-1].start, line.end, text[out[-1].start : line.end])
            out[-1] = merged
        else:
            out.append(line)
        prev_blank = False
    return out


def _stamped(line: str) -> bool:
    """A date labelled as the article's own ("Published: ...", "Oct 12, 2021, updated 9:14
    p.m."), not a date the site prints on every page."""
    return (
        _PRINTED_DATE_PREFIX.match(line) is not None
        or re.search(r",\s+(?:updated|modified)\b", line, re.I) is not None
    )


def _printed_date(line: str) -> object | None:
    """A line that is nothing but a date ("Tue. Oct 12th, 2021", "Updated: 14 October 2020")."""
    # "Published: Oct. 12, 2021 at 9:14 PM CDT | Updated: ...": the first date is the one.
    # "Oct 12, 2021, updated 9:14 p.m. ET" too.
    # "Posted at 9:14 PM, Oct 05, 2021 and last updated 10:02 PM", "Posted 19/10/2021 at 3:07 PM
    # by A. Writer": what follows the date is another time, or who wrote it.
    parts = _AFTER_PRINTED_DATE.split(line.strip())
    # "Last Updated: March 15 | Published: March 14": when it first appeared, wherever told.
    first = next((p for p in parts if p and _PUBLISHED_LABEL.match(p)), parts[0])
    t = _PRINTED_DATE_PREFIX.sub("", first)
    t = re.sub(r"\s+at\s+(?=\d)", " ", t)
    if not t or len(t) > 40 or not _MONTH_OR_DIGIT.search(t) or not re.search(r"\d{4}", t):
        return None
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    # A clock time ("08:20 GMT", "3.15pm ET") says nothing about the day.
    t = _CLOCK_TIME.sub("", t)
    data = _date_parser.get_date_data(t)
    if data.date_obj is None or data.period not in ("day", "time"):
        return None
    return data.date_obj.date()


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.lower().replace("’", "'")).strip()


def _is_repeated(lines: list[_Line], j: int) -> bool:
    """Captions are often saved twice (alt text and visible text) on neighbouring lines."""
    t = _norm(lines[j].text)
    if len(t) < 20:
        return False
    for k in (j - 1, j + 1):
        if 0 <= k < len(lines):
            other = _norm(lines[k].text)
            if fuzz.ratio(t, other) > 90 or (
                len(other) > len(t) and other.startswith(t) and len(t) > 0.7 * len(other)
            ):
                return True
            if len(t) > len(other) > 0.7 * len(t) and t.startswith(other):
                return True
    return False


def _pulled_out(lines: list[_Line], j: int) -> bool:
    """A pull quote: a sentence of the story set out again on a line of its own, somewhere else
    in the page ("—— The train was not classified as ...", "PULL QUOTE | ..."). The story's own
    copy is the paragraph that says more around it, or, word for word the same, the unmarked
    one."""
    text = lines[j].text.strip()
    core = _PULL_QUOTE_LABEL.sub("", _norm(text))
    if len(core) < _PULL_QUOTE_MIN:
        return False
    # Set out with marks of its own ("——", "»", "❝", a "PULL QUOTE" label), or wholly in quote
    # marks: a paragraph of the story is neither.
    marked = core != _norm(text) or (not text[:1].isalnum() and text[:1] not in _QUOTE_MARKS)
    quoted = text[:1] in _QUOTE_MARKS and text[-1:] in _QUOTE_MARKS
    if not (marked or quoted):
        return False
    for k, other in enumerate(lines):
        if k == j:
            continue
        said = _norm(other.text)
        if core not in said:
            continue
        more = len(said.split()) - len(core.split())
        if more >= _PULL_QUOTE_CONTEXT or (said == core and marked):
            return True
    return False


_PULL_QUOTE_MIN = 40
# A quotation set out on a line of its own and signed with a dash, as pull quotes and epigraphs
# are: "'We built it to last a century.' — Rui Costa, head of the agency". A
# paragraph of the story says who spoke with a verb.
_SET_OUT_QUOTE = re.compile(
    r"^[“\"‘][^“”\"]{20,}[”\"’]\s*[—–]{1,2}\s*(?:[A-Z][\w.'’-]*\s?){1,4}(?:,\s*[^.!?\n]{1,80})?$"
)
_QUOTE_MARKS = "\"“”‘’'"
_PULL_QUOTE_LABEL = re.compile(r"^(?:pull ?quote|quote)\b\s*")
# Words a paragraph must say beyond a sentence to be the story's copy of it, not a label.
_PULL_QUOTE_CONTEXT = 5
_COOKIES = re.compile(r"\bcookies?\b|\bprivacy (?:policy|settings)\b", re.I)
_CONSENT = re.compile(
    r"\b(?:accept|agree|consent|continuing to|by continuing|got it|we use)\b"
    r"|\bimprove your experience\b",
    re.I,
)
_WIRE_CREDIT = re.compile(
    r"^\s*\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|compiling|written|edited"
    r"|produced|photos?|photographs|graphics|illustrations?)\s+by\b",
    re.I,
)
# A box that sums the story up in bullet points above or beside it: the points retell the
# body, so they are the page's, not the story's.
_SUMMARY_BOX_HEAD = re.compile(
    r"^\s*(?:what you need to know|key points|at a glance|in brief|quick facts|key facts"
    r"|the essentials|the key facts|the latest)\s*:?\s*$",
    re.I,
)
# A box of where readers can give or get help, under a heading of its own.
_HELP_BOX_HEAD = re.compile(
    r"^\s*(?:how (?:to|you can) (?:help|donate)|ways to help|where to (?:donate|give|get help)"
    r"|how to get help|to donate|to help)\s*:?\s*$",
    re.I,
)
# The heading of a list of the site's other stories, whose titles follow line by line with no
# blank line between ("Most read", "More from the Courier", "Recommended for you").
_MORE_STORIES_HEAD = re.compile(
    r"^\s*(?:most (?:read|popular|viewed|shared|watched|emailed)|trending(?: now| stories)?"
    r"|top stories|popular now|more (?:from|stories|news)\b[^.!?:]{0,40}"
    r"|recommended(?: for you| stories| reading)?|what to read next|you (?:may|might) also like"
    r"|editors['’]? picks|don['’]t miss)(?:\s+(?:on|in|at|from)\s+[^.!?:]{1,40})?\s*:?\s*$",
    re.I,
)
_LINK_LIST_HEAD = re.compile(
    r"^\s*(?:read (?:more|also)|related(?:\s+[a-z]+)?|see also|more on this|more coverage"
    r"|further reading)\s*:?\s*$",
    re.I,
)


_SENTENCE_ENDED = re.compile(r"[.!?…][\"”’')\]]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘A-Z0-9])")


def _cut_off_ending(lines: list[_Line], kinds: list[BlockKind]) -> None:
    """A page saved before it finished loading ends mid-sentence ("the coming mon"): the broken
    sentence tells nothing whole, so it is set apart from the body."""
    body = [j for j, k in enumerate(kinds) if k == "body"]
    if len(body) < 2:
        return
    last = body[-1]
    text = lines[last].text.rstrip()
    if text.endswith(tuple(_TERMINAL)) or len(text.split()) < 4:
        return
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        kinds[last] = "boilerplate"
        return
    cut = ends[-1].end()
    line = lines[last]
    whole = text[:cut].rstrip()
    lines[last] = _Line(line.start, line.start + len(whole), whole)
    lines.insert(last + 1, _Line(line.start + cut, line.start + len(text), text[cut:]))
    kinds.insert(last + 1, "boilerplate")


def _byline(line: str) -> re.Match[str] | None:
    m = _BYLINE.match(line) or _STAFF_BYLINE.match(line)
    if m and len(_BYLINE_SEPARATOR.split(line, maxsplit=1)[0].split()) <= _BYLINE_WORDS:
        return m
    return None


def _date_beside_byline(line: str) -> object | None:
    """The date a byline line carries after its writers ("By A | Harbourton | Updated:
    October 12, 2021 21:14 CET"): the article's own, like a date line under the headline."""
    for part in _BYLINE_SEPARATOR.split(line)[1:]:
        if (parsed := _printed_date(part.strip())) is not None:
            return parsed
    return None


_DATE_OR_CLOCK = re.compile(
    rf"\d{{1,2}}[:.]\d{{2}}|\b{_MONTH_WORD}\s+\d|\b\d{{1,2}}\s+{_MONTH_WORD}|\d+[/-]\d+[/-]\d+"
)


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
_NAME_PARTICLES = frozenset({"de", "da", "van", "von", "al", "bin", "der", "la", "le"})


_FILED_FROM = re.compile(r"\s+(?:in|from|at)\s+[A-Z].*$")
_WRITER_IS = re.compile(
    r"(?:is|was) (?:a|an|the) (?:[\w'’-]+\s){0,6}(?:correspondent|reporter|editor|writer"
    r"|journalist|columnist|photographer|producer|contributor)\b"
)


_WRITER_DOES = re.compile(
    r"(?:covers|reports (?:on|for)|writes (?:about|for|on)|has (?:covered|reported|written)"
    r"|joined)\b"
)


def _author_notes(lines: list[_Line], kinds: list[BlockKind], author: str | None) -> list[int]:
    """Paragraphs about the writers, not the story: "Ilka Varga covers health from Harbourton." A
    paragraph that opens with a byline writer's full name, after the story has begun."""
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", author or "")]
    # "By Ilka Varga in Harbourton": the writer, not where they filed from.
    names = [_FILED_FROM.sub("", n) for n in names]
    names = [n for n in names if len(n.split()) >= 2]
    if not names:
        return []
    body = [j for j, k in enumerate(kinds) if k == "body"]
    found = []
    for j in body:
        text = lines[j].text
        for n in names:
            if not (text.startswith(n) and text[len(n) : len(n) + 1] == " "):
                continue
            # A note says what the writer is or does; before the story has begun, only what
            # they are ("Ilka Varga reports from Port Vessa, where ..." opens a story).
            rest = text[len(n) + 1 :]
            if _WRITER_IS.match(rest) or (j != body[0] and _WRITER_DOES.match(rest)):
                found.append(j)
                break
    return found


def _bare_name(line: str) -> bool:
    """A line that is only a person's name, two to four words ("Lena Berg")."""
    words = line.split()
    if not 2 <= len(words) <= 4 or words[0].lower() in SMALL_TITLE_WORDS:
        return False
    if _BOILERPLATE_LINE.match(line) or _END_MARKER.match(line) or _LINK_LIST_HEAD.match(line):
        return False  # "Related Coverage", "Most Read": the page's, not a writer's
    return all(_NAME_WORD.fullmatch(w) or w in _NAME_PARTICLES for w in words) and bool(
        _NAME_WORD.fullmatch(words[-1])
    )


def _bare_name_after(lines: list[_Line], kinds: list[BlockKind], j: int) -> bool:
    """Whether line ``j`` is a standfirst: right under the headline, with a bare name after it."""
    return (
        j > 0
        and kinds[j - 1] == "headline"
        and j + 2 < len(lines)
        and _bare_name(lines[j + 1].text.strip())
    )


def _is_breadcrumb(line: str) -> bool:
    """A trail of sections ("Home » Explainers » The closure, start to finish", "Local | Fire"):
    short steps, or any steps after "Home"."""
    steps = _CRUMB.split(line.strip())
    if len(steps) < 2 or _DATE_OR_CLOCK.search(line):
        # A date and a time ("Posted: Oct 5, 2021 / 09:14 PM") are not sections; a year in a
        # section's name ("Coastal Cup 2021") is.
        return False
    if steps[0].lower() == "home":
        return True
    # The last step may be a longer section name when two short ones lead to it ("Sport >
    # Sailing > The Coastal Cup Regatta of 2023").
    short = [len(step.split()) <= 4 for step in steps]
    return all(short[:-1]) and (short[-1] or len(steps) >= 3)


def _is_masthead(line: str) -> bool:
    """The site's furniture above a headline: a cookie notice, a menu ("NEWS | Local | Sport"),
    the site's name in capitals, a banner ("WEATHER ALERT: ...")."""
    if _COOKIES.search(line) and len(line.split()) <= 40:
        return True
    if _BANNER.match(line):
        return True
    if line.count("|") >= 2 or line.count("·") >= 2:
        return True
    # A menu set out with spaces ("News   Weather   Sports   Traffic"), the site's name in
    # capitals before its tagline ("VALLEY 9 NEWS | Youngstown - Warren"), a market ticker
    # ("DOW 31,909.64 ▼345.22"), a newsletter box ("[Enter email] [Sign up]").
    items = [item for item in re.split(r"\s*\|\s*|\s{2,}", line.strip()) if item]
    if len(items) >= 4 and all(len(item.split()) <= 3 and item[:1].isupper() for item in items):
        return True
    named = re.match(r"([A-Z0-9&'’.-]+(?:\s[A-Z0-9&'’.-]+){1,4})\s+\|\s", line)
    if named and _NEWSROOM.search(named.group(1)) and not _BANNER_WORD.match(named.group(1)):
        return True
    if len(re.findall(r"[▲▼]\s*[\d.,]+", line)) >= 2:
        return True
    if re.search(r"\[(?:enter (?:your )?e-?mail|sign up|subscribe)\]", line, re.I):
        return True
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and len(line.split()) <= 6 and all(c.isupper() for c in letters)


def _site_chrome(line: str) -> bool:
    """A cookie notice or a menu of sections ("News | Local | Sport"), not a byline or a date
    line with separators ("By Ilka Varga | Port Vessa | March 4, 2024")."""
    if _COOKIES.search(line) and len(line.split()) <= 40:
        return True
    items = [i for i in re.split(r"\s*[|·]\s*", line.strip()) if i]
    return len(items) >= 3 and not re.search(r"\d", line) and not _byline(line.strip())


def _above_menu(line: str, lines: list[_Line], i: int) -> bool:
    """A short line right above the site's menu ("The Quayside Ledger" over "Home | Local |
    Sport | ..."): the site's name, whatever words it is made of."""
    if i + 1 >= len(lines) or len(line.split()) > 5 or line.endswith((".", "!", "?", ":")):
        return False
    following = lines[i + 1].text.strip()
    items = re.split(r"\s*[|·]\s*", following)
    # A menu is a row of section names, not a byline with its place and time.
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items)


def _next_title_line(lines: list[_Line], i: int) -> str:
    """The line after ``i`` that could title the page, past any banner."""
    for line in lines[i + 1 : i + 3]:
        if not _BANNER.match(line.text.strip()):
            return line.text
    return ""


def _is_site_name(line: str, following: str) -> bool:
    """A short line naming the site or its section ("The Daily Ledger — Politics", "Orbital
    Notebook") above a longer headline-like line: the masthead, not the story's title."""
    words = line.split()
    if len(words) > 6 or line.endswith((".", "!", "?", ":")):
        return False
    nxt = following.strip()
    if not nxt or len(nxt.split()) <= len(words) or not _could_be_headline(nxt):
        return False
    if _BYLINE.match(nxt) or _printed_date(nxt) is not None:
        return False
    return bool(_SITE_WORD.search(line) or re.search(r"\s[—|–]\s", line))


def _is_standfirst(line: str) -> bool:
    """A sentence-case line under a headline that ends without a full stop: the standfirst."""
    t = line.strip()
    return 6 <= len(t.split()) <= 40 and not t.endswith((".", "!", "?", ":", "”", '"'))


def _could_be_headline(line: str) -> bool:
    """Short, and not a body sentence: no sentence ends inside it, and a long line ending with
    a full stop is the first sentence of the story, not its title."""
    words = line.split()
    if len(words) > _HEADLINE_MAX_WORDS:
        return False
    if any(m.group("word").lower() not in ABBREVIATIONS for m in _SENTENCE_BREAK.finditer(line)):
        return False
    return not (line.endswith(".") and not line.endswith("..") and len(words) > 12)


def _looks_like_title(line: str) -> bool:
    """Title case (most content words capitalised) and no sentence-final punctuation."""
    t = line.strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", t)
    if not words or len(words) > 20 or t.endswith((".", "!", "?", ",", ";")):
        return False
    content = [w for w in words if w.lower() not in SMALL_TITLE_WORDS]
    if not content:
        return False
    capital = sum(1 for w in content if w[0].isupper())
    return capital / len(content) >= 0.75 and words[0][0].isupper()


def _looks_like_heading(line: str, *, allow_question: bool) -> bool:
    t = line.strip()
    if allow_question and t.endswith("?"):
        t = t[:-1]
    if len(t) > 100 or len(t.split()) > 14:
        return False
    if t.endswith((".", "!", "?", ",", ";", "”", '"')):
        return False
    # "4. Port Vessa and Alder reacted as you'd expect": a numbered list's section titles.
    numbered = re.match(r"\d{1,2}[.)]\s+[A-Z]", t) is not None
    return numbered or _looks_like_title(t) or (len(t.split()) <= 4 and t[:1].isupper())
