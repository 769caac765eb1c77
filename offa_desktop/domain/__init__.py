"""The domain of dual training (plain Python, shared by the client and the server).

- ``schema``: collections, fields, kinds and French labels of API v1;
- ``values``, ``identifiers``: wire and French formats, Belgian identifiers (python-stdnum);
- ``validation``: ``check_fields``, ``validate_record``, ``pending_checks``, ``signing_problems``
  (``problems`` holds ``Problem``, ``ValidationError``, ``RuleContext``; ``checks`` the field
  checks and ``validate_with`` below every rule module; ``uniqueness`` the identifiers held once);
- ``rules``, ``dates``, ``pay``: the rules of DOMAIN.md as named functions;
- ``contract_rules``, ``event_rules``, ``approvals``, ``record_rules``: when each rule runs;
- ``contracts``, ``approvals``: status machines; ``effects``: writes implied by a write;
- ``incentives``: eligibility checks; ``changes``: the ``ChangeSet`` every action returns;
- ``errors``: ``OffaError`` (French ``message``, stable ``code``), the base of every error a
  person reads, and the one ``Cancelled``.
"""
