"""pcpv: Patients' Points of View.

Easy-read, consent-aware slide decks that a patient makes with their speech and language therapist
for their care meetings (CPA reviews and Care and Treatment Reviews).
"""

__version__ = "0.1.0"
