#!/usr/bin/python3
"""Write the JSON Resume (schema 1.0) versions of the 8 plain-text samples.

The structured fields (employers, titles, ISO partial dates, schools, certificates,
publications, projects) are hand-converted below.  Free text (summary, highlight
bullets, skill keywords) is copied from the .txt file by small helpers so that the
wording is identical to the plain-text sample.

Special cases:
  * nurse-learning-python.json uses the OLDER field names (work[].company instead of
    work[].name, basics.website instead of basics.url) and is written with CRLF.
  * other-layout.json is NOT JSON Resume: an ATS-style export of the ML engineer,
    for the analyzer's "unrecognised layout" path.

Run: /usr/bin/python3 tests/data/samples-src/make_json.py   (any python3 >= 3.6 works)
"""
import json
import os
import re

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")
SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
BULLETS = ("•", "-", "*", "▪")


# ---------------------------------------------------------------- helpers on the .txt
def lines_of(name):
    with open(os.path.join(SAMPLES, name + ".txt"), encoding="utf-8", newline="") as f:
        t = f.read()
    return t.lstrip("\ufeff").replace("\r\n", "\n").split("\n")


def is_heading(line):
    s = line.strip()
    letters = [c for c in s if c.isalpha()]
    return 3 <= len(letters) and len(s) <= 40 and not s.startswith(BULLETS) \
        and all(c.isupper() for c in letters)


def section(name, heading):
    """Lines of a section (between `heading` and the next heading), blank lines kept."""
    ls = lines_of(name)
    i = ls.index(heading) + 1
    out = []
    while i < len(ls) and not is_heading(ls[i]):
        out.append(ls[i])
        i += 1
    while out and not out[-1].strip():
        out.pop()
    return out


def paragraph(name, heading):
    return " ".join(l.strip() for l in section(name, heading) if l.strip())


def bullets_under(name, job_prefix):
    """Bullet texts under the line starting with job_prefix; continuation lines joined."""
    ls = lines_of(name)
    i = next(k for k, l in enumerate(ls) if l.startswith(job_prefix)) + 1
    items = []
    while i < len(ls) and ls[i].strip() and not is_heading(ls[i]):
        s = ls[i].strip()
        if s.startswith(BULLETS) and not set(s) <= set("-=*"):
            items.append(s[1:].strip())
        elif items:
            items[-1] += " " + s
        i += 1
    return items


def split_top(s, sep=","):
    """Split on sep, but not inside parentheses."""
    out, depth, cur = [], 0, ""
    for c in s:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if c == sep and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += c
    if cur.strip():
        out.append(cur.strip())
    return out


def skills_from(name, heading="SKILLS", level=""):
    """'Category: a, b, c' lines (indented continuation lines allowed) -> skills[]."""
    groups = []
    for l in section(name, heading):
        if not l.strip():
            continue
        if l.startswith((" ", "\t")) and groups:
            groups[-1][1] += " " + l.strip()
        else:
            cat, _, rest = l.partition(": ")
            groups.append([cat.strip(), rest.strip()])
    out = []
    for cat, rest in groups:
        kw = [k for k in split_top(rest.rstrip(",")) if k]
        out.append({"name": cat, "level": level, "keywords": kw})
    return out


def write(name, obj, crlf=False):
    text = json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(os.path.join(SAMPLES, name + ".json"), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def meta():
    return {"canonical": SCHEMA, "version": "v1.0.0", "lastModified": "2026-01-01T00:00:00"}


# ---------------------------------------------------------------- 1. ML engineer
def ml_engineer():
    n = "ml-engineer-fintech"
    return {
        "$schema": SCHEMA,
        "basics": {
            "name": "Marcus T. Okafor",
            "label": "Senior Machine Learning Engineer",
            "email": "marcus.okafor@example.com",
            "phone": "(555) 555-0142",
            "url": "https://github.com/mokafor-example",
            "summary": paragraph(n, "SUMMARY"),
            "location": {"city": "Austin", "region": "TX", "countryCode": "US"},
            "profiles": [
                {"network": "LinkedIn", "username": "marcus-okafor-example",
                 "url": "https://www.linkedin.com/in/marcus-okafor-example"},
                {"network": "GitHub", "username": "mokafor-example",
                 "url": "https://github.com/mokafor-example"},
            ],
        },
        "work": [
            {"name": "Brightledger Payments", "position": "Senior Machine Learning Engineer",
             "location": "Austin, TX", "url": "https://brightledger.example.com", "startDate": "2021-03",
             "summary": "Real-time fraud detection and MLOps for card payments.",
             "highlights": bullets_under(n, "Senior Machine Learning Engineer")},
            {"name": "Cartwheel Commerce", "position": "Machine Learning Engineer", "location": "Remote",
             "url": "https://cartwheel.example.com", "startDate": "2018-06", "endDate": "2021-02",
             "summary": "Recommendation and ranking models for an e-commerce marketplace.",
             "highlights": bullets_under(n, "Machine Learning Engineer, Cartwheel")},
            {"name": "Lone Star Credit Union", "position": "Data Scientist", "location": "Austin, TX",
             "url": "", "startDate": "2016", "endDate": "2018",
             "summary": "Credit risk and churn models.",
             "highlights": bullets_under(n, "Data Scientist, Lone Star")},
            {"name": "Pecan Street Analytics", "position": "Data Analyst Intern", "location": "Austin, TX",
             "url": "", "startDate": "2015-05", "endDate": "2015-08", "summary": "",
             "highlights": bullets_under(n, "Data Analyst Intern")},
        ],
        "volunteer": [],
        "education": [
            {"institution": "University of Central Texas", "url": "", "area": "Computer Science (Machine Learning track)",
             "studyType": "M.S.", "startDate": "2014", "endDate": "2016", "score": "", "courses": []},
            {"institution": "Hill Country State University", "url": "", "area": "Statistics, minor in Economics",
             "studyType": "B.S.", "startDate": "2010", "endDate": "2014", "score": "", "courses": []},
        ],
        "awards": [],
        "certificates": [
            {"name": "AWS Certified Machine Learning – Specialty", "date": "2022", "issuer": "Amazon Web Services", "url": ""},
            {"name": "Databricks Certified Machine Learning Professional", "date": "2023", "issuer": "Databricks", "url": ""},
            {"name": "Coursera: AI for Medicine (in progress)", "date": "", "issuer": "DeepLearning.AI / Coursera", "url": ""},
        ],
        "publications": [],
        "skills": skills_from(n),
        "languages": [{"language": "English", "fluency": "Native speaker"}],
        "interests": [],
        "references": [],
        "projects": [
            {"name": "open-drift", "description": "Open-source drift-check library",
             "highlights": bullets_under(n, "open-drift"),
             "keywords": ["Python", "MLflow", "drift detection"], "startDate": "2023",
             "url": "https://github.com/mokafor-example/open-drift", "roles": ["Maintainer"]},
        ],
        "meta": meta(),
    }


def other_layout():
    """ATS export of the same person: deliberately not JSON Resume."""
    n = "ml-engineer-fintech"
    return {
        "exportFormat": "TalentTrack ATS candidate export",
        "exportVersion": 3,
        "exportedAt": "2026-01-01T00:00:00Z",
        "candidate": {
            "fullName": "Marcus T. Okafor",
            "headline": "Senior Machine Learning Engineer",
            "contact": {
                "emailAddress": "marcus.okafor@example.com",
                "phoneNumbers": [{"type": "mobile", "number": "(555) 555-0142"}],
                "address": {"locality": "Austin", "adminArea": "TX", "country": "US"},
                "links": ["https://www.linkedin.com/in/marcus-okafor-example",
                          "https://github.com/mokafor-example"],
            },
            "profileText": paragraph(n, "SUMMARY"),
        },
        "positions": [
            {"employer": "Brightledger Payments", "jobTitle": "Senior Machine Learning Engineer",
             "from": {"month": 3, "year": 2021}, "to": None, "isCurrent": True,
             "duties": bullets_under(n, "Senior Machine Learning Engineer")},
            {"employer": "Cartwheel Commerce", "jobTitle": "Machine Learning Engineer",
             "from": {"month": 6, "year": 2018}, "to": {"month": 2, "year": 2021}, "isCurrent": False,
             "duties": bullets_under(n, "Machine Learning Engineer, Cartwheel")},
            {"employer": "Lone Star Credit Union", "jobTitle": "Data Scientist",
             "from": {"year": 2016}, "to": {"year": 2018}, "isCurrent": False,
             "duties": bullets_under(n, "Data Scientist, Lone Star")},
        ],
        "schools": [
            {"schoolName": "University of Central Texas", "degree": "M.S. Computer Science", "gradYear": 2016},
            {"schoolName": "Hill Country State University", "degree": "B.S. Statistics", "gradYear": 2014},
        ],
        "skillTags": ["Python", "SQL", "PyTorch", "XGBoost", "LightGBM", "scikit-learn", "MLflow",
                      "Kubernetes", "Amazon SageMaker", "Docker", "Spark", "Airflow", "A/B testing",
                      "model monitoring", "machine learning", "deep learning"],
        "attachments": [{"fileName": "Okafor_Marcus_resume.pdf", "mimeType": "application/pdf"}],
    }


# ---------------------------------------------------------------- 2. Nurse (OLD field names, CRLF)
def nurse():
    n = "nurse-learning-python"
    return {
        "basics": {
            "name": "Jane Q. Example, RN, BSN",
            "label": "Registered Nurse, Medical ICU",
            "picture": "",
            "email": "jane.example@example.org",
            "phone": "(555) 555-0117",
            "website": "https://github.com/janeq-example",
            "summary": paragraph(n, "SUMMARY"),
            "location": {"address": "", "postalCode": "", "city": "Columbus", "countryCode": "US", "region": "OH"},
            "profiles": [
                {"network": "LinkedIn", "username": "janeqexample", "url": "https://www.linkedin.com/in/janeqexample"},
                {"network": "GitHub", "username": "janeq-example", "url": "https://github.com/janeq-example"},
            ],
        },
        "work": [
            {"company": "Riverbend Regional Medical Center", "position": "Registered Nurse, Medical ICU",
             "website": "", "startDate": "2017-06",
             "summary": "Critical care nursing in a 32-bed medical-surgical ICU, Columbus, OH.",
             "highlights": bullets_under(n, "Registered Nurse, Medical ICU")},
            {"company": "Riverbend Regional Medical Center",
             "position": "Epic EHR Super User and Clinical Documentation Champion (collateral duty)",
             "website": "", "startDate": "2019", "endDate": "2021", "summary": "",
             "highlights": bullets_under(n, "Epic EHR Super User")},
            {"company": "Lakeside Community Hospital", "position": "Staff Nurse, Progressive Care Unit",
             "website": "", "startDate": "2015-05", "endDate": "2017-05", "summary": "Dayton, OH",
             "highlights": bullets_under(n, "Staff Nurse")},
            {"company": "Fit Forward Studio", "position": "Certified Personal Trainer (part time)",
             "website": "", "startDate": "2018", "summary": "Columbus, OH",
             "highlights": bullets_under(n, "Certified Personal Trainer")},
        ],
        "volunteer": [
            {"organization": "Grace Street Community Clinic", "position": "Free health screening nurse",
             "website": "", "startDate": "2016", "summary": "", "highlights": []},
        ],
        "education": [
            {"institution": "Ohio Valley University", "area": "Nursing", "studyType": "Bachelor of Science in Nursing (BSN)",
             "startDate": "2011", "endDate": "2015", "gpa": "", "courses": []},
        ],
        "awards": [],
        "certificates": [
            {"name": "Registered Nurse (RN)", "date": "2015", "issuer": "Ohio Board of Nursing"},
            {"name": "CCRN (Adult)", "date": "2019", "issuer": "AACN"},
            {"name": "ACLS and BLS", "date": "2025", "issuer": "American Heart Association"},
            {"name": "Epic Inpatient Clinical Documentation Super User training", "date": "2019", "issuer": "Riverbend Regional Medical Center"},
            {"name": "HIPAA training (annual)", "date": "2025", "issuer": "Riverbend Regional Medical Center"},
            {"name": "NASM-CPT (Certified Personal Trainer)", "date": "2018", "issuer": "National Academy of Sports Medicine"},
            {"name": "Coursera: Machine Learning Specialization (Andrew Ng)", "date": "2025", "issuer": "DeepLearning.AI"},
            {"name": "Kaggle Learn: Python, Pandas, Intro to Machine Learning", "date": "2024", "issuer": "Kaggle"},
        ],
        "publications": [],
        "skills": skills_from(n),
        "languages": [{"language": "English", "fluency": "Native speaker"}],
        "interests": [{"name": "Fitness coaching", "keywords": ["strength training", "mobility"]}],
        "references": [{"name": "Available on request", "reference": "CV available on request."}],
        "projects": [
            {"name": "Sepsis alert timing explorer",
             "description": "Personal Python and pandas project on synthetic data",
             "highlights": bullets_under(n, "Sepsis alert timing explorer"),
             "keywords": ["Python", "pandas", "scikit-learn", "Jupyter", "logistic regression"],
             "startDate": "2025-01", "url": "https://github.com/janeq-example/sepsis-alert-explorer"},
        ],
    }


# ---------------------------------------------------------------- 3. PhD researcher
def phd():
    n = "phd-researcher"
    pubs_raw = []
    for l in section(n, "PUBLICATIONS"):
        if re.match(r"\d+\. ", l):
            pubs_raw.append(l.split(". ", 1)[1])
        elif l.strip():
            pubs_raw[-1] += " " + l.strip()
    # (title, publisher, releaseDate) hand-picked from each entry
    pubmeta = [
        ("Multi-site external validation of a chest radiograph triage model for pneumothorax", "Radiology: Artificial Intelligence", "2025"),
        ("Uncertainty-aware semi-supervised segmentation of pulmonary nodules in CT", "MICCAI 2023, LNCS vol. 14223", "2023-10-08"),
        ("Scanner shift in thoracic CT: a benchmark for domain adaptation", "MICCAI 2021", "2021-09"),
        ("Subgroup performance of chest X-ray classifiers trained on MIMIC-CXR", "npj Digital Medicine", "2024"),
        ("Label-efficient learning for medical image segmentation with foundation models", "NeurIPS 2023 Workshop on Machine Learning for Health (ML4H)", "2023-12"),
        ("nnU-Net baselines for airway segmentation", "Medical Image Analysis", "2022"),
        ("Reporting quality of imaging AI studies against TRIPOD+AI", "Journal of the American Medical Informatics Association (JAMIA)", "2024"),
        ("Calibration of deep learning models for chest radiograph triage", "Machine Learning for Healthcare (MLHC) 2022, PMLR", "2022-08"),
        ("Self-supervised pretraining for chest X-ray", "arXiv preprint", "2021"),
    ]
    assert len(pubmeta) == len(pubs_raw)
    pubs = [{"name": t, "publisher": p, "releaseDate": d, "url": "", "summary": raw}
            for (t, p, d), raw in zip(pubmeta, pubs_raw)]
    return {
        "$schema": SCHEMA,
        "basics": {
            "name": "Dr. Priya Raman-Lindqvist, PhD",
            "label": "Postdoctoral Research Fellow, Medical Image Analysis",
            "email": "priya.raman@example.edu",
            "phone": "(555) 555-0163",
            "url": "https://scholar.example.com/praman",
            "summary": paragraph(n, "SUMMARY"),
            "location": {"city": "Boston", "region": "MA", "countryCode": "US"},
            "profiles": [
                {"network": "GitHub", "username": "praman-lab-example", "url": "https://github.com/praman-lab-example"},
                {"network": "Scholar", "username": "praman", "url": "https://scholar.example.com/praman"},
            ],
        },
        "work": [
            {"name": "Harborview Medical Institute", "position": "Postdoctoral Research Fellow",
             "location": "Boston, MA", "url": "", "startDate": "2022-09",
             "summary": "Center for Imaging Intelligence.",
             "highlights": bullets_under(n, "Postdoctoral Research Fellow")},
            {"name": "Northfield Institute of Technology", "position": "Graduate Research Assistant",
             "location": "Lowell, MA", "url": "", "startDate": "2016", "endDate": "2022",
             "summary": "Quantitative Imaging Lab.",
             "highlights": bullets_under(n, "Graduate Research Assistant")},
            {"name": "Lumora Health Technologies", "position": "Research Intern, Imaging AI Research",
             "location": "Cambridge, MA", "url": "", "startDate": "2020-06", "endDate": "2020-08", "summary": "",
             "highlights": bullets_under(n, "Research Intern")},
        ],
        "volunteer": [],
        "education": [
            {"institution": "Northfield Institute of Technology", "url": "", "area": "Biomedical Engineering",
             "studyType": "Ph.D.", "startDate": "2016", "endDate": "2022", "score": "",
             "courses": ["Dissertation: Label-efficient deep learning for thoracic CT segmentation"]},
            {"institution": "Northfield Institute of Technology", "url": "", "area": "Computer Science",
             "studyType": "M.S.", "startDate": "2016", "endDate": "2018", "score": "", "courses": []},
            {"institution": "Coastal Institute of Technology", "url": "", "area": "Electronics and Communication Engineering",
             "studyType": "B.Tech.", "startDate": "2012", "endDate": "2016", "score": "", "courses": []},
        ],
        "awards": [
            {"title": "MICCAI 2023 Young Scientist Award finalist", "date": "2023-10", "awarder": "MICCAI Society", "summary": ""},
            {"title": "Northfield Institute Graduate Research Fellowship", "date": "2017", "awarder": "Northfield Institute of Technology",
             "summary": "2017 – 2020"},
        ],
        "certificates": [
            {"name": "CITI Program: Data or Specimens Only Research", "date": "2024", "issuer": "CITI Program", "url": ""},
            {"name": "CITI Program: Biomedical Responsible Conduct of Research", "date": "2023", "issuer": "CITI Program", "url": ""},
        ],
        "publications": pubs,
        "skills": skills_from(n),
        "languages": [{"language": "English", "fluency": "Full professional"},
                      {"language": "Tamil", "fluency": "Native speaker"},
                      {"language": "Swedish", "fluency": "Elementary"}],
        "interests": [],
        "references": [],
        "projects": [
            {"name": "MONAI Bundle for airway segmentation", "description": "Open-source MONAI Bundle released during the PhD",
             "highlights": ["Released an open-source MONAI Bundle for airway segmentation (1,200+ downloads)."],
             "keywords": ["MONAI", "nnU-Net", "CT", "segmentation"], "startDate": "2021", "endDate": "2022"},
        ],
        "meta": meta(),
    }


# ---------------------------------------------------------------- 4. Product manager
def product_manager():
    n = "product-manager"
    return {
        "$schema": SCHEMA,
        "basics": {
            "name": "Daniela \"Dani\" Whitcombe",
            "label": "Senior Product Manager, AI & Care Management",
            "email": "dani.whitcombe@example.com",
            "phone": "(555) 555-0178",
            "url": "https://www.linkedin.com/in/dani-whitcombe-example",
            "summary": paragraph(n, "SUMMARY"),
            "location": {"city": "Nashville", "region": "TN", "countryCode": "US"},
            "profiles": [{"network": "LinkedIn", "username": "dani-whitcombe-example",
                          "url": "https://www.linkedin.com/in/dani-whitcombe-example"}],
        },
        "work": [
            {"name": "Meridian Care Platforms", "position": "Senior Product Manager, AI & Care Management",
             "location": "Nashville, TN", "url": "https://meridian.example.com", "startDate": "2021-01",
             "summary": "Care-management suite for provider and payer customers.",
             "highlights": bullets_under(n, "Senior Product Manager")},
            {"name": "Tristar Health Solutions", "position": "Product Manager, Value-Based Care Analytics",
             "location": "Louisville, KY", "url": "", "startDate": "2017", "endDate": "2020", "summary": "",
             "highlights": bullets_under(n, "Product Manager, Value-Based")},
            {"name": "Cumberland Digital Health", "position": "Associate Product Manager, Patient Access",
             "location": "Nashville, TN", "url": "", "startDate": "2015-06", "endDate": "2016-12", "summary": "",
             "highlights": bullets_under(n, "Associate Product Manager")},
            {"name": "Harpeth Health IT Partners", "position": "Implementation Consultant",
             "location": "Nashville, TN", "url": "", "startDate": "2013", "endDate": "2015", "summary": "",
             "highlights": bullets_under(n, "Implementation Consultant")},
        ],
        "volunteer": [],
        "education": [
            {"institution": "Belle Meade School of Business", "url": "", "area": "Health Care Management concentration",
             "studyType": "MBA", "startDate": "2015", "endDate": "2017", "score": "", "courses": []},
            {"institution": "Cumberland River College", "url": "", "area": "Economics",
             "studyType": "B.A.", "startDate": "2009", "endDate": "2013", "score": "", "courses": []},
        ],
        "awards": [],
        "certificates": [
            {"name": "PMP (Project Management Professional)", "date": "2019", "issuer": "PMI", "url": ""},
            {"name": "Certified Scrum Product Owner (CSPO)", "date": "2018", "issuer": "Scrum Alliance", "url": ""},
            {"name": "Elements of AI", "date": "2023", "issuer": "University of Helsinki / MinnaLearn", "url": ""},
            {"name": "AI in Healthcare Specialization", "date": "2024", "issuer": "Stanford University, Coursera", "url": ""},
        ],
        "publications": [],
        "skills": skills_from(n),
        "languages": [{"language": "English", "fluency": "Native speaker"}],
        "interests": [],
        "references": [],
        "projects": [],
        "meta": meta(),
    }


# ---------------------------------------------------------------- 5. Healthcare NLP engineer
def nlp_engineer():
    n = "healthcare-nlp-engineer"
    return {
        "$schema": SCHEMA,
        "basics": {
            "name": "Samuel K. Adeyemi-Hart",
            "label": "Staff NLP Engineer, Clinical AI",
            "email": "sam.adeyemi@example.com",
            "phone": "(555) 555-0129",
            "url": "https://github.com/skah-nlp-example",
            "summary": paragraph(n, "SUMMARY"),
            "location": {"city": "Minneapolis", "region": "MN", "countryCode": "US"},
            "profiles": [
                {"network": "LinkedIn", "username": "sam-adeyemi-hart-example",
                 "url": "https://www.linkedin.com/in/sam-adeyemi-hart-example"},
                {"network": "GitHub", "username": "skah-nlp-example", "url": "https://github.com/skah-nlp-example"},
            ],
        },
        "work": [
            {"name": "Northstar Health System", "position": "Staff NLP Engineer, Clinical AI",
             "location": "Minneapolis, MN", "url": "", "startDate": "2022-04",
             "summary": "Clinical NLP and LLM platform for a 9-hospital health system.",
             "highlights": bullets_under(n, "Staff NLP Engineer")},
            {"name": "Clarion Health Analytics", "position": "Senior NLP Engineer", "location": "St. Paul, MN",
             "url": "", "startDate": "2019", "endDate": "2022", "summary": "",
             "highlights": bullets_under(n, "Senior NLP Engineer")},
            {"name": "Lakeshore Clinical Informatics", "position": "NLP Engineer", "location": "Chicago, IL",
             "url": "", "startDate": "2017-06", "endDate": "2019-03", "summary": "",
             "highlights": bullets_under(n, "NLP Engineer, Lakeshore")},
            {"name": "Great Lakes State University", "position": "Research Assistant, Biomedical Informatics Lab",
             "location": "", "url": "", "startDate": "2016", "endDate": "2017", "summary": "",
             "highlights": bullets_under(n, "Research Assistant")},
        ],
        "volunteer": [],
        "education": [
            {"institution": "Great Lakes State University", "url": "", "area": "Biomedical Informatics (NLP focus)",
             "studyType": "M.S.", "startDate": "2015", "endDate": "2017", "score": "", "courses": []},
            {"institution": "Prairie Lutheran College", "url": "", "area": "Computer Science, minor in Biology",
             "studyType": "B.S.", "startDate": "2011", "endDate": "2015", "score": "", "courses": []},
        ],
        "awards": [],
        "certificates": [
            {"name": "Epic on FHIR developer training (fhir.epic.com sandbox apps)", "date": "2022", "issuer": "Epic", "url": ""},
            {"name": "CITI Program: Data or Specimens Only Research", "date": "2018", "issuer": "CITI Program", "url": ""},
            {"name": "Certified Health Data Analyst (CHDA)", "date": "2021", "issuer": "AHIMA", "url": ""},
        ],
        "publications": [
            {"name": "Low-rank adaptation of clinical language models for ICD-10-CM autocoding",
             "publisher": "AMIA Annual Symposium Proceedings", "releaseDate": "2024-11-09", "url": "",
             "summary": "Adeyemi-Hart S, et al."},
            {"name": "Negation-aware adverse drug event extraction", "publisher": "n2c2 Shared Task Workshop",
             "releaseDate": "2019", "url": "", "summary": "Adeyemi-Hart S, Rivera L."},
        ],
        "skills": skills_from(n),
        "languages": [{"language": "English", "fluency": "Native speaker"},
                      {"language": "Yoruba", "fluency": "Conversational"}],
        "interests": [],
        "references": [],
        "projects": [],
        "meta": meta(),
    }


# ---------------------------------------------------------------- 6. Radiology CV engineer
def radiology():
    n = "radiology-cv-engineer"
    return {
        "$schema": SCHEMA,
        "basics": {
            "name": "Hannah Ostrowski-Bell",
            "label": "Senior Computer Vision Engineer, Radiology AI",
            "email": "hannah.ob@example.com",
            "phone": "(555) 555-0185",
            "url": "https://github.com/hob-vision-example",
            "summary": paragraph(n, "SUMMARY"),
            "location": {"city": "San Diego", "region": "CA", "countryCode": "US"},
            "profiles": [
                {"network": "LinkedIn", "username": "hannah-ostrowski-bell-example",
                 "url": "https://www.linkedin.com/in/hannah-ostrowski-bell-example"},
                {"network": "GitHub", "username": "hob-vision-example", "url": "https://github.com/hob-vision-example"},
            ],
        },
        "work": [
            {"name": "Vantage Imaging Intelligence", "position": "Senior Computer Vision Engineer, Radiology AI",
             "location": "San Diego, CA", "url": "", "startDate": "2021-02",
             "summary": "CT head triage device (intracranial hemorrhage), FDA 510(k) cleared 2023.",
             "highlights": bullets_under(n, "Senior Computer Vision Engineer")},
            {"name": "Brightwater Diagnostics", "position": "Machine Learning Engineer, Mammography",
             "location": "Irvine, CA", "url": "", "startDate": "2019-03", "endDate": "2021-01", "summary": "",
             "highlights": bullets_under(n, "Machine Learning Engineer, Mammography")},
            {"name": "Pacific Robotics Labs", "position": "Computer Vision Engineer", "location": "San Diego, CA",
             "url": "", "startDate": "2017", "endDate": "2019", "summary": "",
             "highlights": bullets_under(n, "Computer Vision Engineer, Pacific")},
        ],
        "volunteer": [],
        "education": [
            {"institution": "Southern California Polytechnic University", "url": "",
             "area": "Electrical and Computer Engineering (Computer Vision)", "studyType": "M.S.",
             "startDate": "2015", "endDate": "2017", "score": "", "courses": []},
            {"institution": "Mesa Verde University", "url": "", "area": "Bioengineering", "studyType": "B.S.",
             "startDate": "2011", "endDate": "2015", "score": "", "courses": []},
        ],
        "awards": [],
        "certificates": [
            {"name": "ISO 13485:2016 Internal Auditor training", "date": "2022", "issuer": "", "url": ""},
            {"name": "Good Machine Learning Practice (GMLP) workshop", "date": "2023", "issuer": "", "url": ""},
        ],
        "publications": [
            {"name": "Standalone performance of a CT triage device for intracranial hemorrhage across five sites",
             "publisher": "Journal of Digital Imaging", "releaseDate": "2024", "url": "",
             "summary": "Ostrowski-Bell H, et al."},
        ],
        "skills": skills_from(n),
        "languages": [{"language": "English", "fluency": "Native speaker"},
                      {"language": "Polish", "fluency": "Conversational"}],
        "interests": [],
        "references": [],
        "projects": [],
        "meta": meta(),
    }


# ---------------------------------------------------------------- 7. Junior new grad
def junior():
    n = "junior-new-grad"
    return {
        "$schema": SCHEMA,
        "basics": {
            "name": "Tyler Brooks",
            "label": "Recent biology graduate",
            "email": "tyler.brooks@example.com",
            "phone": "(555) 555-0104",
            "url": "",
            "summary": paragraph(n, "OBJECTIVE"),
            "location": {"city": "Tucson", "region": "AZ", "countryCode": "US"},
            "profiles": [],
        },
        "work": [
            {"name": "Desert Outfitters", "position": "Sales Associate", "location": "Tucson, AZ", "url": "",
             "startDate": "2021-06", "summary": "", "highlights": bullets_under(n, "Sales Associate")},
            {"name": "Saguaro State University, Department of Biology", "position": "Undergraduate Lab Assistant",
             "location": "Tucson, AZ", "url": "", "startDate": "2024-01", "endDate": "2025-05", "summary": "",
             "highlights": bullets_under(n, "Undergraduate Lab Assistant")},
        ],
        "volunteer": [
            {"organization": "Sonora Free Clinic", "position": "Front Desk Volunteer", "url": "",
             "startDate": "2023", "endDate": "2024", "summary": "Tucson, AZ",
             "highlights": bullets_under(n, "Front Desk Volunteer")},
        ],
        "education": [
            {"institution": "Saguaro State University", "url": "", "area": "Biology", "studyType": "B.S.",
             "startDate": "2021", "endDate": "2025-05", "score": "3.2",
             "courses": ["Genetics", "Microbiology", "Statistics for Life Sciences",
                         "Intro to Python Programming (Fall 2024)"]},
        ],
        "awards": [],
        "certificates": [{"name": "CPR/First Aid", "date": "2024", "issuer": "American Red Cross", "url": ""}],
        "publications": [],
        "skills": [
            {"name": "Office", "level": "Intermediate",
             "keywords": ["Microsoft Excel (formulas, charts)", "Word", "PowerPoint", "Google Sheets"]},
            {"name": "Programming", "level": "Beginner", "keywords": ["Python (beginner, one course)"]},
        ],
        "languages": [{"language": "English", "fluency": "Native speaker"},
                      {"language": "Spanish", "fluency": "Conversational"}],
        "interests": [{"name": "Hiking", "keywords": []}, {"name": "Intramural soccer", "keywords": []},
                      {"name": "Volunteering", "keywords": []}],
        "references": [],
        "projects": [
            {"name": "Grade calculator", "description": "Final project for Intro to Python Programming",
             "highlights": bullets_under(n, "Intro to Python Programming"),
             "keywords": ["Python"], "startDate": "2024-09", "endDate": "2024-12"},
        ],
        "meta": meta(),
    }


# ---------------------------------------------------------------- 8. Messy layout (content, not layout)
def messy():
    n = "messy-layout"
    return {
        "$schema": SCHEMA,
        "basics": {
            "name": "José Müller-Núñez",
            "label": "Lead Data Scientist",
            "email": "jose.mn@example.com",
            "phone": "555-0131",
            "url": "https://github.com/jmn-data-example",
            "summary": paragraph(n, "Profile").replace("======= ", ""),
            "location": {"city": "Denver", "region": "CO", "countryCode": "US"},
            "profiles": [
                {"network": "GitHub", "username": "jmn-data-example", "url": "https://github.com/jmn-data-example"},
                {"network": "LinkedIn", "username": "jose-muller-nunez-example",
                 "url": "https://www.linkedin.com/in/jose-muller-nunez-example"},
            ],
        },
        "work": [
            {"name": "Summit Mutual Insurance", "position": "Lead Data Scientist", "location": "Denver, CO",
             "url": "", "startDate": "2019-01", "summary": "",
             "highlights": bullets_under(n, "Jan 2019 – Present")},
            {"name": "Freelance", "position": "Freelance Data Consultant (nights/weekends)", "url": "",
             "startDate": "2020-03", "endDate": "2021-06", "summary": "",
             "highlights": bullets_under(n, "Freelance Data Consultant")},
            {"name": "Front Range Retail Group", "position": "Data Scientist", "location": "Boulder CO", "url": "",
             "startDate": "2016", "endDate": "2019", "summary": "",
             "highlights": bullets_under(n, "Data Scientist, Front Range")},
            {"name": "Peak Analytics LLC", "position": "Junior Analyst", "location": "Denver", "url": "",
             "startDate": "2014-09", "endDate": "2015-12", "summary": "",
             "highlights": bullets_under(n, "Peak Analytics LLC")},
        ],
        "volunteer": [
            {"organization": "Mile High Data for Good", "position": "Volunteer Data Scientist", "url": "",
             "startDate": "2021", "endDate": "2022", "summary": "",
             "highlights": bullets_under(n, "Volunteer Data Scientist")},
        ],
        "education": [
            {"institution": "Rocky Ridge University", "url": "", "area": "Applied Statistics", "studyType": "M.S.",
             "startDate": "2012", "endDate": "2014", "score": "", "courses": []},
            {"institution": "Universidad del Valle Central", "url": "", "area": "Mathematics", "studyType": "B.A.",
             "startDate": "2008", "endDate": "2012", "score": "", "courses": ["exchange yr. Hamburg"]},
        ],
        "awards": [],
        "certificates": [
            {"name": "AI for Medical Diagnosis", "date": "2024", "issuer": "DeepLearning.AI / Coursera", "url": ""},
            {"name": "AWS Certified Cloud Practitioner", "date": "2021", "issuer": "Amazon Web Services", "url": ""},
            {"name": "CITI Data or Specimens Only Research", "date": "2023", "issuer": "CITI Program", "url": ""},
        ],
        "publications": [],
        "skills": [
            {"name": "Data science", "level": "",
             "keywords": ["Python", "R", "SQL", "Spark", "XGBoost", "scikit-learn", "pandas", "PyTorch (basic)",
                          "Tableau", "Airflow", "Docker", "MLflow", "machine learning", "survival analysis",
                          "causal inference", "A/B testing"]},
            {"name": "healthcare", "level": "",
             "keywords": ["MIMIC-IV", "FHIR (learning)", "HIPAA basics",
                          "CITI Data or Specimens Only Research (2023)"]},
        ],
        "languages": [{"language": "Spanish", "fluency": "Native speaker"},
                      {"language": "English", "fluency": "Full professional"},
                      {"language": "German", "fluency": "Conversational"}],
        "interests": [
            {"name": "trail running", "keywords": []},
            {"name": "my epic journey across the Andes by bike (2018)", "keywords": ["cycling"]},
            {"name": "certified NLP Practitioner (coaching weekend course, 2017)", "keywords": ["coaching"]},
            {"name": "salsa dancing", "keywords": []},
        ],
        "references": [{"name": "", "reference": "References available upon request"}],
        "projects": [
            {"name": "MIMIC-IV 30-day readmission model",
             "description": "logistic regression vs. XGBoost, AUROC 0.74, calibration plots, SHAP",
             "highlights": [], "keywords": ["MIMIC-IV", "XGBoost", "SHAP", "AUROC"],
             "url": "https://github.com/jmn-data-example/mimic-readmit", "startDate": "2024"},
            {"name": "FHIR R4 sandbox",
             "description": "pulled Patient/Observation resources from a public test server w/ python",
             "highlights": [], "keywords": ["FHIR R4", "Python"], "startDate": "2024"},
            {"name": "Chest X-ray classifier notebook",
             "description": "PyTorch, fast.ai; from the AI for Medical Diagnosis course",
             "highlights": [], "keywords": ["PyTorch", "fast.ai", "chest X-ray"], "startDate": "2024"},
        ],
        "meta": meta(),
    }


def main():
    write("ml-engineer-fintech", ml_engineer())
    write("other-layout", other_layout())
    write("nurse-learning-python", nurse(), crlf=True)
    write("phd-researcher", phd())
    write("product-manager", product_manager())
    write("healthcare-nlp-engineer", nlp_engineer())
    write("radiology-cv-engineer", radiology())
    write("junior-new-grad", junior())
    write("messy-layout", messy())


if __name__ == "__main__":
    main()
