"""Applications prepared and submitted by implementers: budget, cost models, financing plan, attachments, receipts."""
