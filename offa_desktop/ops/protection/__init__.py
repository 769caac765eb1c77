"""Data protection (issue 16): where the working copy's key comes from (the OS keyring, or a
passphrase that wraps it in ``<copy>.key``), the tokens kept in the encrypted copy, a forgotten
passphrase."""
