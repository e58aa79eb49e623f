"""Weights of the learned likelihood that two reports tell one happening (see ``merge``).

Fitted by ``manage.py fit_merge_weights`` on 14029 labelled pairs of the 26 development
stories; written by that command, not by hand.
"""

BIAS = -6.752038357336276
WEIGHTS = {
    "actors": 1.0878916762068869,
    "agents_disjoint": -0.957900013803198,
    "agents_shared": -0.08952774411575022,
    "both_known": 0.15157737339890007,
    "both_speech": -0.5438487581576427,
    "collective": -0.404965205498363,
    "date_guessed": -0.13195967065420416,
    "date_missing": -0.04238438111313958,
    "dates_agree": 1.3853521829893944,
    "dates_clash": -1.2110081312219496,
    "denial_mismatch": -0.09865874829994446,
    "same_kind": 1.0525694624152329,
    "same_trigger": -0.19271887893932185,
    "scheduled_mismatch": 0.3152850865802965,
    "sentences": 4.8437228178179925,
    "speech_mismatch": 0.04016687505024265,
    "titles": 1.5867880994719887,
    "words": 3.507536908320133,
}
