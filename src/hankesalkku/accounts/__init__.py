"""Accounts, roles and strong sign-in: who a person is, what they may do, and proof of both."""
