"""The values of API v1's enumerated fields (the ``choices`` of ``domain.schema``)."""

from __future__ import annotations

LEVELS = ("a", "b", "c")
REGIONS = ("wal", "bxl")
ROLES = ("coach", "secretariat", "offa")
APPROVAL_STATUSES = ("requested", "under_review", "granted", "refused", "suspended", "withdrawn")
CONTRACT_STATUSES = ("draft", "signed", "active", "suspended", "terminated", "ended")
EVENT_KINDS = ("amendment", "level_change", "suspension", "resumption", "termination")
CLAIM_STATUSES = ("to_check", "eligible", "not_eligible", "approved", "paid")
INCENTIVE_KIND_CODES = ("wal_p1", "wal_p2", "wal_learner", "bxl_tutor", "bxl_learner")
TUTOR_CONDITIONS = ("experience", "diploma", "validation")
OFFER_STATUSES = ("draft", "published", "closed")
REFERRAL_SUBJECTS = ("contract", "approval")
REFERRAL_STATUSES = ("referred", "in_mediation", "settled", "decided")
TRANSFER_STATUSES = ("requested", "accepted", "refused", "cancelled")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The statuses in which a contract runs (``contracts.RUNNING``), and those of a referral still
# waiting on the Commission (``cases.WAITING``): here, where the radar reads them without
# loading the status machines and the checks.
CONTRACT_RUNNING = ("signed", "active", "suspended")
REFERRAL_WAITING = ("referred", "in_mediation")
