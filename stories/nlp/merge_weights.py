"""Weights of the learned likelihood that two reports tell one happening (see ``merge``).

Fitted by ``manage.py fit_merge_weights`` on 11124 labelled pairs of the 22 development
stories; written by that command, not by hand.
"""

BIAS = -6.731219234154991
WEIGHTS = {
    "actors": 1.0625312335548476,
    "agents_disjoint": -0.9324442161798122,
    "agents_shared": -0.119526579722901,
    "both_known": 0.1472246059963433,
    "both_speech": -0.5508653789161382,
    "collective": -0.3267095484217171,
    "date_guessed": -0.23131306336777638,
    "date_missing": 0.1342270133266558,
    "dates_agree": 1.45528670316396,
    "dates_clash": -1.358200653122864,
    "denial_mismatch": -0.14214265931281422,
    "same_kind": 1.0365529151646884,
    "same_trigger": -0.1692915261623225,
    "scheduled_mismatch": 0.296841121686132,
    "sentences": 4.699416976769303,
    "speech_mismatch": 0.08401663905368974,
    "titles": 1.5919758434534619,
    "words": 3.4498510229170503,
}
