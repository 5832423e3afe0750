#!/usr/bin/python3
"""Writes samples/messy-layout.txt: UTF-8 BOM + CRLF line endings + tabs.

The text below is stored with LF; the script adds the BOM and converts to CRLF so the
sample's awkward bytes are reproducible.  Run from the repo root:
    /usr/bin/python3 tests/data/samples-src/make_messy.py
"""
import os

TEXT = """José Müller-Núñez
jose.mn@example.com  ·  555-0131  ·  Denver, CO
github.com/jmn-data-example	linkedin.com/in/jose-muller-nunez-example

Profile
=======
Data scientist (8 yrs) in insurance & retail analytics, now moving into health.   Built risk
models, forecasting and dashboards; completed a PhysioNet-credentialed MIMIC-IV project and
DeepLearning.AI "AI for Medical Diagnosis".  Want to work on readmission / risk prediction
for a health system.

PROFESSIONAL EXPERIENCE

Lead Data Scientist	|	Summit Mutual Insurance	|	Denver, CO
Jan 2019 – Present
  • Claims severity + fraud models (XGBoost, LightGBM), python, SQL, Spark on Databricks
  • Built the "early lapse" churn model -> saved ~$4.1M/yr in retained premiums
  •  mentored 4 analysts ; ran weekly model review
  • model monitoring in MLflow + Evidently, monthly drift report to the model risk committee
  - Partnered with actuarial team on GLMs / credit risk model governance

Freelance Data Consultant (nights/weekends)		03/2020 - 06/2021
  * Built a COVID-19 hospital bed-occupancy forecast (Prophet, pandas) for a county health dept.
  * Cleaned EHR extract (Cerner) CSVs, ~2M encounters; de-identified per HIPAA Safe Harbor before analysis
  *Tableau dashboards for ICU capacity, refreshed nightly

Volunteer Data Scientist, Mile High Data for Good		2021 – 2022
  - Analyzed wait times for a community clinic network (pandas, SQL); presented to the board
  - survival analysis of no-show rates (Kaplan-Meier, Cox model) in R

Data Scientist, Front Range Retail Group — Boulder CO	2016-2019
	▪ demand forecasting (ARIMA, gradient boosting); A/B testing for promotions
	▪ scikit-learn, R (tidyverse), SQL Server
	▪ built first ML pipeline on Airflow + Docker
	▪ store clustering for assortment planning (k-means)

Junior Analyst
Peak Analytics LLC, Denver		Sept. 2014 to Dec 2015
- excel/VBA reports, SQL queries
- survey weighting in R


Education:
M.S. Applied Statistics — Rocky Ridge University, 2014
B.A. Mathematics,  Universidad del Valle Central (exchange yr. Hamburg), 2012

PROJECTS
--------
* MIMIC-IV 30-day readmission model (logistic regression vs. XGBoost, AUROC 0.74, calibration
  plots, SHAP) — github.com/jmn-data-example/mimic-readmit
* FHIR R4 sandbox: pulled Patient/Observation resources from a public test server w/ python
* Chest X-ray classifier notebook (PyTorch, fast.ai) from the AI for Medical Diagnosis course

S K I L L S
Python · R · SQL · Spark · XGBoost · scikit-learn · pandas · PyTorch (basic) · Tableau · Airflow
Docker · MLflow · machine learning · survival analysis · causal inference · A/B testing
healthcare: MIMIC-IV, FHIR (learning), HIPAA basics, CITI Data or Specimens Only Research (2023)

Certs & courses -
  AI for Medical Diagnosis (DeepLearning.AI / Coursera), 2024
  AWS Certified Cloud Practitioner 2021

Interests: trail running; my epic journey across the Andes by bike (2018); certified NLP Practitioner (coaching weekend course, 2017); salsa dancing
References available upon request
"""

if __name__ == "__main__":
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    out = os.path.join(root, "samples", "messy-layout.txt")
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + TEXT.replace("\n", "\r\n"))
    print("wrote", out)
