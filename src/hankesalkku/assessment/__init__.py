"""Screening, scored assessment, selection and funding decisions with amendments."""
