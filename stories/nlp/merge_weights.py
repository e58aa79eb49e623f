"""Weights of the learned likelihood that two reports tell one happening (see ``merge``).

Fitted by ``manage.py fit_merge_weights`` on 11171 labelled pairs of the 22 development
stories; written by that command, not by hand.
"""

BIAS = -6.791196713063674
WEIGHTS = {
    "actors": 1.0632822630798264,
    "agents_disjoint": -0.9477634236264217,
    "agents_shared": -0.10483356662317302,
    "both_known": 0.14916186084066604,
    "both_speech": -0.5286977897627533,
    "collective": -0.322518791371678,
    "date_guessed": -0.19419270189313165,
    "date_missing": 0.06781636014647671,
    "dates_agree": 1.4589044711898265,
    "dates_clash": -1.332528129443146,
    "denial_mismatch": -0.13199916887343452,
    "same_kind": 1.0234655971095306,
    "same_trigger": -0.15701681509105025,
    "scheduled_mismatch": 0.32601639621755296,
    "sentences": 4.776460270331664,
    "speech_mismatch": 0.07193079799391511,
    "titles": 1.567794875892997,
    "words": 3.434506964418753,
}
