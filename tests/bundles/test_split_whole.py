"""Long documents stay whole when their later pages look like another type of document, and
bundles still split where a new document starts (claimdex issue 6).

The pages are written here in styles of their own (not the generator's). Each case runs with the
shipped page classifier and, where the point is the rule rather than the model, with a fake one
that gives every page a confident type of its own: a change of page type must never cut a run of
pages on its own."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from claimdex.split import PageType, find_boundaries, page_signals, score_pages
from tests.bundles.test_split import real_pages

# --------------------------------------------------------------------------- pages

IME_1 = """Dr Helen Marsh MBBS FRACS (Orth)
Suite 3, 40 Macquarie Street, Sydney NSW 2000   Ph 02 9231 4400
INDEPENDENT MEDICAL EXAMINATION REPORT
Worker: Daniel Okafor          Claim no: WC-5521-0098
Date of examination: 12 August 2024
Introduction
I was asked by Meridian Mutual to examine Mr Okafor and to answer the questions in the
letter of instruction dated 1 August 2024. I examined him at my rooms for about an hour,
with an interpreter present for part of the interview, and I have read the documents
listed in the appendices to this report, including the treating reports and accounts.
History
Mr Okafor is a 44 year old warehouse storeman who injured his right shoulder on 4 March
2024 when a carton slipped from a high shelf and he caught it with his arm outstretched.
He felt immediate pain and reported the incident to his supervisor the same afternoon.
His general practitioner referred him for an ultrasound, which showed a partial thickness
tear of the supraspinatus tendon, and then for physiotherapy, which he attended twice a
week for about three months with gradual improvement in his range of movement.
He returned to suitable duties in May, working four hours a day without overhead lifting,
and he has since increased to six hours a day. He still has pain at night when lying on
the right side and he avoids reaching above shoulder height at home and at work."""

IME_2 = """Examination
He is right handed. There was mild wasting of the supraspinatus fossa on the right side.
Active elevation was to 150 degrees on the right and 175 degrees on the left, with a
painful arc between 90 and 120 degrees. Rotator cuff strength was slightly reduced on
resisted external rotation. Impingement signs were positive on the right side only.
Diagnosis
Partial thickness tear of the right supraspinatus tendon with secondary impingement.
Opinion
The injury arose out of his employment on 4 March 2024. The treatment to date has been
reasonable and necessary, including the physiotherapy accounts listed in Appendix B. He
has capacity for suitable duties of six hours a day with no lifting above shoulder height
and no lifting over 10 kg, and I expect him to return to his full duties within three
months if the planned strengthening program continues.
Yours faithfully
Dr Helen Marsh
Orthopaedic Surgeon"""

IME_2_SHORT = """Opinion
The injury arose out of his employment on 4 March 2024 and the treatment to date has been
reasonable and necessary. He has capacity for suitable duties of six hours a day.
Yours faithfully
Dr Helen Marsh
Orthopaedic Surgeon"""

IME_APPENDIX = """Appendix B - Treatment accounts reviewed
Invoice no   Date         Provider                        Service                   Amount
INV-20431    05/03/2024   Westside Medical Centre         Long consultation         $95.00
INV-20577    12/03/2024   Parramatta Physiotherapy        Initial assessment        $110.00
INV-20612    14/03/2024   City Imaging Pty Ltd            Ultrasound right shoulder $220.00
INV-20790    19/03/2024   Parramatta Physiotherapy        Standard consultation     $85.00
INV-20911    26/03/2024   Parramatta Physiotherapy        Standard consultation     $85.00
INV-21045    02/04/2024   Parramatta Physiotherapy        Standard consultation     $85.00
INV-21260    16/04/2024   Westside Medical Centre         Standard consultation     $75.00
INV-21388    23/04/2024   Parramatta Physiotherapy        Standard consultation     $85.00
INV-21502    07/05/2024   Parramatta Physiotherapy        Standard consultation     $85.00
INV-21733    21/05/2024   Westside Medical Centre         Standard consultation     $75.00
                                                          Total (GST free)          $1,000.00"""

GP_1 = """Westside Medical Centre
88 Great Western Highway, Parramatta NSW 2150  Tel (02) 9633 2100
15 May 2024
Ms Aroha Tane
Case Manager, Meridian Mutual
RE: Daniel Okafor   Claim no: WC-5521-0098
Thank you for your request for a progress report on Mr Okafor. I have seen him five times
since his injury on 4 March 2024, most recently on 14 May 2024, when we reviewed his
progress with physiotherapy and his hours on suitable duties at the warehouse.
His pain has settled from 7/10 to about 3/10 and he is sleeping better. His range of
movement has improved, although he still has a painful arc when he lifts his right arm
above his shoulder. He is taking paracetamol as needed and no longer needs anti-inflammatory
medication. He has attended eleven physiotherapy sessions and does his exercises at home.
I have discussed a graded increase in his hours with him and with his employer, who has
confirmed that suitable duties in dispatch are available for six hours a day from next week.
He is keen to get back to his usual duties and I think the prognosis is good. The
certificate I issued at this visit is set out on the next page so that you have the
restrictions to hand when you speak to his employer about the duties he can do."""

GP_2_QUOTING = """The certificate reads as follows, and a signed copy has been sent to the employer with his
consent, as we discussed on the telephone last Thursday afternoon.
CERTIFICATE OF CAPACITY
Worker: Daniel Okafor   Claim no: WC-5521-0098
Date of examination: 14/05/2024
Capacity: suitable duties from 15/05/2024 to 12/06/2024, 6 hours a day, 5 days a week
Restrictions: no lifting above shoulder height; no lifting over 10 kg with the right arm
I would be happy to take part in a case conference with the rehabilitation provider if that
would help to plan his return to full duties, and I will review him again in four weeks.
Please call me at the practice if you need anything further in the meantime.
Yours sincerely
Dr Priya Raman
General Practitioner"""

FORM_1 = """WORKERS COMPENSATION CLAIM FORM
PART 1 - WORKER DETAILS
Full name:        Daniel Okafor
Date of birth:    17/09/1979
Address:          14 Rosella Street, Merrylands NSW 2160
Phone:            0412 555 019
PART 2 - EMPLOYER
Employer:         Harbourline Logistics Pty Ltd
Occupation:       Storeman
PART 3 - INJURY
Date of injury:   04/03/2024
Body part:        Right shoulder
How it happened:  A carton slipped from a high shelf and I caught it with my arm out.
Reported to:      Supervisor, 04/03/2024
PART 4 - EARNINGS
Usual weekly pay: $1,420.00 gross
Other employment: None
PART 5 - DECLARATION
I declare that the information in this form is true and correct. I understand that giving
false or misleading information is an offence.
Signature: D. Okafor                         Date: 08/03/2024"""

FORM_2_CONSENT = """PART 6 - CONSENT TO RELEASE OF INFORMATION
I authorise any doctor, health professional, hospital, employer, insurer or government
agency that holds information relevant to my claim to release that information to my
employer, the insurer and any person engaged by the insurer to manage my claim.
This consent is valid for the life of the claim, and I may withdraw it in writing.
Signature: D. Okafor                         Date: 08/03/2024
Witness:   K. Mendes                         Date: 08/03/2024"""

PLAN_1 = """Meridian Mutual Insurance
Level 6, 10 Smith Street, Parramatta NSW 2150
INJURY MANAGEMENT PLAN
Worker: Daniel Okafor   Claim no: WC-5521-0098   Date of plan: 20/03/2024
1. Goal
Return to pre-injury duties as a storeman by 30 June 2024.
2. Treatment approved
- GP consultations as required
- Physiotherapy, 10 sessions
- Ultrasound of the right shoulder
3. Return to work
- Suitable duties in dispatch, 4 hours a day, no overhead lifting
- Hours to increase as the certificate allows
4. Responsibilities
- Employer: provide suitable duties and a return to work coordinator
- Worker: attend treatment and let us know of any change
- Insurer: approve reasonable treatment and pay weekly benefits"""

PLAN_2_SIGNED = """5. Review
This plan will be reviewed on or before 20 May 2024, or earlier if his capacity changes.
6. Plan issued by
Aroha Tane
Case Manager - Workers Compensation
Meridian Mutual Insurance
Phone: 1300 555 210   Email: aroha.tane@meridian.example.com.au
cc: Dr Priya Raman (nominated treating doctor)"""

LETTER_HEAD_ONLY = """Kemp Alvarez Lawyers
Suite 4, 58 Mann Street, Gosford NSW 2250
Ph 02 4324 1800   Our ref: RK:2024-0178
22 July 2024
Ms Aroha Tane
Meridian Mutual Insurance
PO Box 210, Parramatta NSW 2124
Dear Ms Tane"""

LETTER_BODY = """RE: Daniel Okafor   Claim no: WC-5521-0098
Date of injury: 4 March 2024
We act for Mr Okafor in relation to his claim and ask that you send all correspondence about
legal matters to this office. Our client is happy for you to keep contacting him directly
about his treatment, his appointments and his return to work.
Please let us have a copy of the claim file within 14 days.
Yours faithfully
Rachel Kemp
Solicitor"""

# the same letter laid out with "Dear" at the top of its second page
LETTER_HEAD_NO_DEAR = LETTER_HEAD_ONLY.rsplit("\n", 1)[0]
LETTER_DEAR_ON_TOP = "Dear Ms Tane\n" + LETTER_BODY

LETTER_TAIL = """Encl: certificate of capacity 14/05/2024; report Dr P Raman 15/05/2024
cc: Mr D Okafor"""

# documents that start a new document in a bundle
INVOICE = """TAX INVOICE
Parramatta Physiotherapy   ABN 41 223 908 114
7 Church Street, Parramatta NSW 2150   Ph 02 9891 4410
Invoice no: INV-21802      Date: 04/06/2024
Patient: Daniel Okafor     Claim no: WC-5521-0098
Insurer: Meridian Mutual
Date         Item                                   Amount
28/05/2024   Standard consultation (PTA004)         $85.00
04/06/2024   Standard consultation (PTA004)         $85.00
Total due (GST free)                                $170.00
Please pay within 14 days by EFT: BSB 062-114  Account 1038 2291"""

CERTIFICATE = """CERTIFICATE OF CAPACITY
Worker: Daniel Okafor   Claim no: WC-5521-0098
Date of examination: 11/06/2024
Diagnosis: partial thickness tear, right supraspinatus
Capacity: suitable duties from 12/06/2024 to 10/07/2024, 8 hours a day
Restrictions: no lifting above shoulder height
Dr Priya Raman, Westside Medical Centre   Provider no 2281940B"""

FILE_NOTE = """18/06/2024 - Telephone call to worker
Spoke to Daniel. He is now on full hours of suitable duties and finds the work manageable.
Next certificate due 10/07/2024. Diary for review then.
A. Tane"""


class EveryPageItsOwnType:
    """A page classifier that is sure every page is of another type than the one before."""

    def classify_pages(self, texts: Sequence[str]) -> list[PageType]:
        return [PageType(f"type_{i}", 0.99) for i in range(len(texts))]


# --------------------------------------------------------------------------- one document

WHOLE = {
    "IME report with an appendix of accounts": [IME_1, IME_2, IME_APPENDIX],
    "IME report, short signed page, then its appendix": [IME_1, IME_2_SHORT, IME_APPENDIX],
    "report quoting the certificate it discusses": [GP_1, GP_2_QUOTING],
    "claim form and its consent part": [FORM_1, FORM_2_CONSENT],
    "plan whose last page has contact details on top": [PLAN_1, PLAN_2_SIGNED],
    "letter whose head fills the first page": [LETTER_HEAD_ONLY, LETTER_BODY],
    "letter whose enclosures run onto a page": [LETTER_HEAD_ONLY, LETTER_BODY, LETTER_TAIL],
    "letter whose second page opens with Dear": [LETTER_HEAD_NO_DEAR, LETTER_DEAR_ON_TOP],
}


@pytest.mark.parametrize("pages", WHOLE.values(), ids=WHOLE.keys())
@pytest.mark.parametrize("classifier", ["shipped", "every page its own type"])
def test_one_document_whose_pages_look_different_stays_whole(pages, classifier):
    pages_model = real_pages() if classifier == "shipped" else EveryPageItsOwnType()
    found = find_boundaries(pages, classifier=pages_model)
    assert found == (), [(b.page, b.reasons) for b in found]


def test_type_change_with_a_short_page_before_is_not_enough():
    """The appendix after a short signed page: the type changes and the page before is short,
    but nothing on the page says a document starts there."""
    scored = score_pages([IME_1, IME_2_SHORT, IME_APPENDIX], classifier=EveryPageItsOwnType())
    appendix = scored[-1]
    assert {"type_change", "prev_short"} <= set(appendix.reasons)
    assert appendix.score < 2.75


# --------------------------------------------------------------------------- bundles

BUNDLES = {
    "report, then an invoice with its title and letterhead": ([IME_1, IME_2, INVOICE], [3]),
    "letter, then a certificate with its title": ([GP_1, CERTIFICATE], [2]),
    "report, then a dated file note": ([IME_1, IME_2, FILE_NOTE], [3]),
    "claim form, certificate, invoice": ([FORM_1, CERTIFICATE, INVOICE], [2, 3]),
    "plan, then a letter": ([PLAN_1, PLAN_2_SIGNED, LETTER_HEAD_ONLY, LETTER_BODY], [3]),
}


@pytest.mark.parametrize("pages, starts", BUNDLES.values(), ids=BUNDLES.keys())
def test_a_new_document_with_its_own_head_still_splits(pages, starts):
    found = find_boundaries(pages, classifier=real_pages())
    assert [b.page for b in found] == starts, [(b.page, b.reasons) for b in found]


# --------------------------------------------------------------------------- page cues

@pytest.mark.parametrize("text, cue, present", [
    ("TAX INVOICE\nCity Imaging  ABN 98 765 432 109", "title", True),
    ("TAX INVOICE\nCity Imaging  ABN 98 765 432 109", "letterhead", True),
    ("HANDOVER\nRef 2106939987", "title", True),  # one word in capitals: a document's name
    ("Examination\nHe is right handed.", "title", False),  # one word: a section's heading
    ("8. Review\nThis plan will be reviewed on or before 20 May 2024 or earlier if needed.", "title",
     False),  # a numbered section
    (PLAN_2_SIGNED, "letterhead", False),  # the contact details of a signature block
    ("PART 3 - INJURY\nDate of injury: 19 January 2024", "identity", False),
    ("1. Worker details\nWorker: Daniel Okafor", "identity", True),  # a document's first part
    ("C. ACCIDENT INFORMATION\nDate of accident: 15/01/2024", "date_top", False),
    ("2. Date of birth: 17/09/1979\n3. Address: 14 Rosella Street, Merrylands NSW 2160", "letterhead",
     True),  # numbered questions of a form are not sections
    (IME_APPENDIX, "date_top", False),  # dates in a table of accounts
    (FORM_2_CONSENT, "date_top", False),  # the date of a signature below the text
    (FILE_NOTE, "dateline", True),
    ("Seen at the clinic on 02/28/2024 with physical therapy x 18 and a lumbar MRI", "dateline",
     False),  # a date inside a sentence
    (LETTER_TAIL, "title", False),  # "certificate" in the list of enclosures
    ("ACT 1998 - LIABILITY DISPUTED", "letterhead", False),  # an Act's year, not a postcode
    ("Comcare, GPO Box 9905, Canberra ACT 2601", "letterhead", True),
])
def test_page_cues(text, cue, present):
    assert (cue in page_signals(1, text).head) is present


def test_a_page_of_one_word_table_cells_is_not_short():
    """A page long in lines but light in letters (a table) does not make the page before it,
    shorter in lines but as full of text, look like the end of a document."""
    prose = "\n".join(f"Line {i} of the plan sets out the duties and the hours agreed with the employer."
                      for i in range(30))
    table = "\n".join(("Action", "Responsible", "Due", "Status")[i % 4] for i in range(60))
    after = "Next review: 19 June 2024\nIssued by Aroha Tane, Case Manager"
    scored = score_pages([prose, table, after])
    assert "prev_short" not in scored[0].reasons
