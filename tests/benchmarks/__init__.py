"""Benchmarks (``make bench``). The working copy is always encrypted (issue 16): where no secure
keyring exists, the app and the headless commands they start read the copy's passphrase from
``OFFA_PASSPHRASE``; the key files they make use cheap argon2id parameters
(``OFFA_TEST_FAST_KDF``), so a start measures the store and the window, not the key derivation
(real parameters: about 0.4 s wall, 0.2 s CPU once per start on a loaded 2-core machine, while
the person types the passphrase in the window)."""

import os

os.environ.setdefault("OFFA_PASSPHRASE", "phrase de passe des mesures")
os.environ.setdefault("OFFA_TEST_FAST_KDF", "1")
