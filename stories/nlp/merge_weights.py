"""Weights of the learned likelihood that two reports tell one happening (see ``merge``).

Fitted by ``manage.py fit_merge_weights`` on 14097 labelled pairs of the 26 development
stories; written by that command, not by hand.
"""

BIAS = -6.853602017911018
WEIGHTS = {
    "actors": 1.0526615905590355,
    "agents_disjoint": -0.9979660244504199,
    "agents_shared": -0.08657614097365285,
    "both_known": 0.16989999232545033,
    "both_speech": -0.5810375330998883,
    "collective": -0.09247358063216007,
    "date_guessed": -0.16483252770669327,
    "date_missing": 0.1462784763471588,
    "dates_agree": 1.468333640855797,
    "dates_clash": -1.4497795894962562,
    "denial_mismatch": -0.1448486987194163,
    "same_kind": 1.0309948934266906,
    "same_trigger": -0.1953734894924996,
    "scheduled_mismatch": 0.2825123694852159,
    "sentences": 4.85849136993948,
    "speech_mismatch": 0.025564941189371495,
    "titles": 1.5937520794526008,
    "words": 3.5229167157878765,
}
