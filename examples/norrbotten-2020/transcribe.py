#!/usr/bin/env python3
"""Transcribe the Region Norrbotten 2020 reference data into styrkort's file formats.

Reads (relative to this file) ../../tests/fixtures/reference/, copies of the reference
transcriptions of the public documents:
    norrbotten-2020-plan.json          Regionstyrelsens plan 2020 (ARBGRP357-3-153, v0.32)
    norrbotten-2020-dao4-report.json   Delårsrapport april 2020, bilaga mål och måluppfyllelse
                                       (lgekpl-4-740, v1.0, 2020-06-11)
and writes, beside this file:
    plan-2020.toml                     the plan: 5 perspectives, 17 goals, 30 FF, 62 measures
    scorecard-2020.toml                the April report's scorecard: 20 goals, 50 FF, 99 measures
    observations-2020-DÅ04.csv         the outcomes the April report states
    judgements-2020-DÅ04.toml          the 20 goal judgements of April 2020

Python 3.11 standard library only. Every choice that is not a mechanical copy of the reference
JSON is in one of the curated tables below and is explained in README.md. Run:

    python3 transcribe.py          # writes the four files and checks them
    python3 transcribe.py --check  # only checks the files already written
"""

from __future__ import annotations

import csv
import io
import json
import pathlib
import re
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
REF = (HERE / "../../tests/fixtures/reference").resolve()

PLAN_JSON = REF / "norrbotten-2020-plan.json"
REPORT_JSON = REF / "norrbotten-2020-dao4-report.json"

OUT_PLAN = HERE / "plan-2020.toml"
OUT_SCORECARD = HERE / "scorecard-2020.toml"
OUT_OBS = HERE / "observations-2020-DÅ04.csv"
OUT_JUDGEMENTS = HERE / "judgements-2020-DÅ04.toml"

ORGANISATION = "Region Norrbotten"
# The vision is not in the plan JSON; it is quoted in norrbotten-2020-plan-and-followup-notes.md
# (a), "Vision (L1-2)", from the plan document itself.
VISION = "Tillsammans för Norrbotten – Bästa livet, bästa hälsan."

PERSPECTIVES = [
    ("samhalle", "Samhälle"),
    ("medborgare", "Medborgare"),
    ("verksamhet", "Verksamhet"),
    ("medarbetare", "Medarbetare"),
    ("ekonomi", "Ekonomi"),
]
PERSPECTIVE_ID = {name: pid for pid, name in PERSPECTIVES}

BODY_NAMES = {
    "RS": "Regionstyrelsen",
    "RUN": "Regionala utvecklingsnämnden",
    "PN": "Patientnämnden",
}

ALL_PERIODS = ["DÅ04", "DÅ08", "ÅR"]

# ---------------------------------------------------------------------------------------------
# Curated table 1: the plan's 62 measures.
#   unit, polarity, accumulation, baseline (period + values read off the verbatim cell; None =
#   text only), extra note. "L" = lower_is_better, "H" = higher_is_better, "N" = neutral;
#   "lvl" = level, "cum" = cumulative.
# Baseline period rule (README "Baselines"): the most recent period in the cell that maps
# exactly onto a report period: a year or "Helår" -> ÅR, T1 -> DÅ04 (January–April); T2/T3 are
# single tertials and do not equal DÅ08/ÅR, except for the four waiting-list snapshot measures
# (footnote 5: "visar nuläget per 30 april, 31 augusti och 31 december"), where T3 = 31 Dec = ÅR.
# ---------------------------------------------------------------------------------------------
PLAN_CURATION: dict[str, tuple] = {
    # id: (unit, polarity, accumulation, baseline period, baseline values, note)
    "RS20-M01": ("text", "L", "lvl", None, None,
                 "Enheten anges inte i planen (troligen g CO2/km); därför unit = text."),
    "RS20-M02": ("personmil", "L", "cum", "2018-ÅR", {"T": "1200000"},
                 "Ingångsvärdet ”1,2 miljoner personmil” omräknat till 1200000."),
    "RS20-M03": ("m²", "L", "lvl", None, None,
                 "Ingångsvärdet saknar årtal. Källan skriver ”m2” (upphöjd tvåa förlorad i textutdraget)."),
    "RS20-M04": ("count", "H", "cum", "2019-ÅR", {"T": "2"}, None),
    "RS20-M05": ("count", "H", "lvl", None, None, None),
    "RS20-M06": ("text", "N", "lvl", None, None, "Uppföljningsmått utan målnivå (”Följa utvecklingen”)."),
    "RS20-M07": ("text", "N", "lvl", None, None,
                 "Namnet börjar med ”Aktiviteter” men saknar prefixet ”Aktivitet:”; klassat som styrmått."),
    "RS20-M08": ("procentenheter", "L", "lvl", None, None,
                 "Period i planen: ”Vart fjärde år” (SCB/FoHM, Hälsa på lika villkor); här bara period ÅR, mäts vart fjärde år. "
                 "Ingångsvärdet anges per kön (2014: K 19, M 14 procentenheter) men måttet följs upp som totalvärde; "
                 "därför bara text."),
    "RS20-M09": ("percent", "H", "lvl", None, None,
                 "Ingångsvärdet är en tabell per åldersgrupp och kön (2018); måttet följs upp som totalvärde, "
                 "därför bara text."),
    "RS20-M10": ("percent", "H", "lvl", "2018-ÅR", {"K": "38", "M": "39"}, None),
    "RS20-M11": ("percent", "L", "lvl", "2018-ÅR", {"T": "8,8"}, None),
    "RS20-M12": ("percent", "L", "lvl", "2019-DÅ04", {"K": "15,9", "M": "17,9"}, None),
    "RS20-M13": ("percent", "H", "lvl", "2019-DÅ04", {"K": "87,3", "M": "87,2"},
                 "Ingångsvärdets totalvärde (tot 87,3) finns kvar i text; måttet följs upp per kön."),
    "RS20-M14": ("percent", "H", "lvl", "2018-DÅ04", {"T": "87"}, None),
    "RS20-M15": ("percent", "H", "lvl", "2018-ÅR", {"T": "61", "K": "61", "M": "62"},
                 "Punktmätning (fotnot 5): T1/T2/T3 = läget 30 april/31 augusti/31 december = DÅ04/DÅ08/ÅR. "
                 "sexes = T, K, M: ingångsvärdet har totalvärde och delårsrapporten redovisar bara regionens "
                 "genomsnitt."),
    "RS20-M16": ("percent", "H", "lvl", "2018-ÅR", {"T": "64", "K": "62", "M": "67"},
                 "Fotnot 5 (vid RS20-M15, ”Styrmått 25-28”) gäller även detta mått: punktmätning. "
                 "sexes = T, K, M som RS20-M15 (delårsrapporten redovisar bara regionens genomsnitt)."),
    "RS20-M17": ("percent", "H", "lvl", "2018-ÅR", {"T": "46", "K": "49", "M": "43"},
                 "Fotnot 5 (vid RS20-M15, ”Styrmått 25-28”) gäller även detta mått: punktmätning. "
                 "sexes = T, K, M som RS20-M15 (delårsrapporten redovisar bara regionens genomsnitt)."),
    "RS20-M18": ("percent", "H", "lvl", "2018-ÅR", {"T": "9", "K": "8", "M": "10"},
                 "Fotnot 5 (vid RS20-M15, ”Styrmått 25-28”) gäller även detta mått: punktmätning. "
                 "Slutparentes saknas i källans ingångsvärde. sexes = T, K, M som RS20-M15 (delårsrapporten redovisar "
                 "bara regionens genomsnitt)."),
    "RS20-M19": ("percent", "H", "lvl", None, None, None),
    "RS20-M20": ("percent", "H", "lvl", "2018-ÅR", {"T": "61"}, None),
    "RS20-M21": ("count", "L", "cum", "2018-ÅR", {"K": "32729", "M": "32953"}, None),
    "RS20-M22": ("percent", "H", "lvl", None, None, "Ingångsvärdet saknar årtal."),
    "RS20-M23": ("percent", "H", "lvl", "2019-DÅ04", {"T": "50"}, None),
    "RS20-M24": ("count", "H", "cum", "2019-DÅ04", {"K": "701", "M": "531"}, None),
    "RS20-M25": ("percent", "H", "lvl", "2018-ÅR", {"T": "0,4"}, None),
    "RS20-M26": ("count", "H", "lvl", None, None, None),
    "RS20-M27": ("rate", "L", "lvl", "2018-ÅR", {"T": "290"},
                 "Recept per 1 000 invånare och år (en årstakt, därför level)."),
    "RS20-M28": ("count", "H", "cum", "2018-ÅR", {"K": "6242", "M": "3162"}, None),
    "RS20-M29": ("percent", "H", "lvl", "2017-ÅR", {"K": "56", "M": "64"}, None),
    "RS20-M30": ("percent", "H", "lvl", "2017-ÅR", {"K": "45", "M": "45"}, None),
    "RS20-M31": ("percent", "H", "lvl", None, None,
                 "Ingångsvärdet har två grupper (Hjärtsjukdom, Stroke), därför bara text."),
    "RS20-M32": ("percent", "H", "lvl", "2017-ÅR", {"K": "63", "M": "61"}, None),
    "RS20-M33": ("percent", "L", "lvl", "2018-ÅR", {"T": "7,1"},
                 "Period i planen: ”DÅ 08, ÅR” (markörbaserad journalgranskning); inget aprilvärde."),
    "RS20-M34": ("percent", "H", "lvl", "2018-ÅR", {"K": "55", "M": "57"},
                 "sexes = T, K, M: delårsrapporten redovisar bara totalvärdet (”jämnt fördelat mellan könen”)."),
    "RS20-M35": ("count", "H", "lvl", None, None, None),
    "RS20-M36": ("percent", "H", "lvl", "2018-ÅR", {"T": "80"}, None),
    "RS20-M37": ("count", "L", "cum", "2018-DÅ04", {"T": "48"},
                 "Ingångsvärdet anges per tertial (T1 48, T2 25, T3 49 st), inte ackumulerat; bara T1 = "
                 "januari–april = DÅ04 används. ”Fr.o.m 2020 könsuppdelat”: sexes = T, K, M (delårsrapporten redovisar "
                 "bara totalen)."),
    "RS20-M38": ("text", "N", "lvl", None, None, None),
    "RS20-M39": ("text", "N", "lvl", None, None, None),
    "RS20-M40": ("percent", "L", "lvl", None, None,
                 "Namncellen fortsätter i källan: ”Vi följer även sjukfrånvaron för kvinnor och män men sätter "
                 "inga delmål.” sexes = T, K, M: totalen är styrmåttet, K/M följs. Ingångsvärdet ”201808: …” "
                 "(månadsangivelse) läses inte som en rapportperiod, därför bara text."),
    "RS20-M41": ("percent", "H", "lvl", None, None, None),
    "RS20-M42": ("h", "L", "cum", "2018-ÅR", {"T": "382786"},
                 "Enheten timmar enligt ingångsvärdet; delårsrapporten beskriver extratid som ”andelen timmar "
                 "utöver ordinarie sysselsättningsgrad”."),
    "RS20-M43": ("percent", "L", "lvl", None, None,
                 "Ingångsvärdet anges per månad (201712, 201804, 201808); läses inte som rapportperioder, "
                 "därför bara text."),
    "RS20-M44": ("percent", "N", "lvl", None, None, "Målet ”Efter behov” har ingen målnivå."),
    "RS20-M45": ("percent", "H", "lvl", None, None,
                 "Namnet säger ”Antal” men målen är procentsatser (80 %, 100 %); unit = percent."),
    "RS20-M46": ("percent", "H", "lvl", None, None, None),
    "RS20-M47": ("index", "H", "lvl", None, None, "Ingångsvärdet saknar årtal."),
    "RS20-M48": ("index", "H", "lvl", None, None, "Ingångsvärdet saknar årtal."),
    "RS20-M49": ("text", "N", "lvl", None, None,
                 "Tabellhuvudet för denna framgångsfaktor är ”Mål 2020 → Mål 2021”; Mål 2021-cellen är tom."),
    "RS20-M50": ("count", "H", "cum", None, None,
                 "Ingångsvärdet saknar årtal. Tabellhuvudet är ”Mål 2020 → Mål 2021”; Mål 2021-cellen är tom."),
    "RS20-M51": ("count", "H", "cum", "2018-ÅR", {"T": "73"}, "Källa ”Utv” = troligen Utvecklingsavdelningen."),
    "RS20-M52": ("percent", "H", "lvl", None, None,
                 "Målet ”1,0” saknar %-tecken (namnet slutar ”, %”). Ingångsvärdet är en årsprognos, inte ett "
                 "utfall. Delårsrapporten följer upp balanskravsresultatet, planen ”resultatet”."),
    "RS20-M53": ("mnkr", "H", "lvl", None, None,
                 "Målet 0,0 = ingen negativ budgetavvikelse (mnkr). Ingångsvärdet är en årsprognos; "
                 "obalanserad parentes i källan."),
    "RS20-M54": ("percent", "H", "lvl", None, None,
                 "Enda måttet med mål per rapportperiod. Ingångsvärdet är en årsprognos."),
    "RS20-M55": ("text", "N", "lvl", None, None, "Ingångsvärde, mål och källa är tomma i planen."),
    "RS20-M56": ("text", "N", "lvl", None, None,
                 "Kolumnplaceringen är osäker i textutdraget: ”Enhetstaxa för patientavgifter” läses som "
                 "ingångsvärde (kan också vara en måltext). Källa tom."),
    "RS20-M57": ("SEK", "L", "lvl", None, None,
                 "Kostnad (kr) per DRG-poäng; ingångsvärdet anges som avvikelse mot riket i procent "
                 "(”Som vård” = somatisk vård, SV/ÖV troligen sluten/öppen vård), därför bara text."),
    "RS20-M58": ("percent", "L", "lvl", "2018-ÅR", {"T": "5,9"}, "Källa tom i planen."),
    "RS20-M59": ("text", "H", "lvl", None, None,
                 "”kvarta” i måltexten är källans avhuggna ”kvartal” (ordagrant bevarat). Enheten anges inte "
                 "(ingångsvärdet: ”Kostnad/DRG poäng 2019”), därför unit = text."),
    "RS20-M60": ("percent", "H", "lvl", None, None,
                 "Ingångsvärdet har två grupper (somatisk, psykiatrisk vård), därför bara text."),
    "RS20-M61": ("kr per invånare", "L", "lvl", "2018-ÅR", {"T": "458"}, None),
    "RS20-M62": ("percent", "H", "lvl", None, None,
                 "Andel av planerad effekt hittills; ingångsvärdet är en årsprognos."),
}

POLARITY = {"H": "higher_is_better", "L": "lower_is_better", "N": "neutral"}
ACCUMULATION = {"lvl": "level", "cum": "cumulative"}

# Plan measures whose follow-up (the April report) splits by sex. The seven in PLAN_TKM also get
# a total row, because the report (and/or the plan's baseline) gives only or also a total.
PLAN_KM = {"RS20-M10", "RS20-M12", "RS20-M13", "RS20-M15", "RS20-M16", "RS20-M17", "RS20-M18",
           "RS20-M21", "RS20-M24", "RS20-M28", "RS20-M29", "RS20-M30", "RS20-M31", "RS20-M32",
           "RS20-M34", "RS20-M37", "RS20-M40"}
PLAN_TKM = {"RS20-M15", "RS20-M16", "RS20-M17", "RS20-M18", "RS20-M34", "RS20-M37", "RS20-M40"}

# ---------------------------------------------------------------------------------------------
# Curated table 2: report measure -> plan measure (same measure; matched by name, checked below).
# Every RS row of the April report that is in the RS plan: 62 of 62 plan measures.
# ---------------------------------------------------------------------------------------------
MATCHES = {
    "SAM-1-F2-M1": "RS20-M01", "SAM-1-F2-M2": "RS20-M02", "SAM-1-F2-M3": "RS20-M03",
    "SAM-3-F1-M1": "RS20-M04", "SAM-3-F2-M1": "RS20-M05",
    "SAM-4-F1-M1": "RS20-M06", "SAM-4-F1-M2": "RS20-M07",
    "MED-3-F1-M1": "RS20-M08", "MED-3-F2-M1": "RS20-M09",
    "MED-4-F1-M1": "RS20-M10", "MED-4-F1-M2": "RS20-M11", "MED-4-F1-M3": "RS20-M12",
    "MED-4-F1-M4": "RS20-M13",
    "MED-4-F2-M1": "RS20-M14", "MED-4-F2-M2": "RS20-M15", "MED-4-F2-M3": "RS20-M16",
    "MED-4-F2-M4": "RS20-M17", "MED-4-F2-M5": "RS20-M18", "MED-4-F2-M6": "RS20-M19",
    "MED-4-F2-M7": "RS20-M20",
    "VER-1-F1-M1": "RS20-M21",
    "VER-1-F2-M1": "RS20-M22", "VER-1-F2-M2": "RS20-M23", "VER-1-F2-M3": "RS20-M24",
    "VER-1-F2-M4": "RS20-M25",
    "VER-2-F1-M1": "RS20-M26", "VER-2-F1-M2": "RS20-M27", "VER-2-F1-M3": "RS20-M28",
    "VER-2-F2-M1": "RS20-M29", "VER-2-F2-M2": "RS20-M30", "VER-2-F2-M3": "RS20-M31",
    "VER-2-F2-M4": "RS20-M32",
    "VER-2-F3-M1": "RS20-M33", "VER-2-F3-M2": "RS20-M34",
    "VER-2-F4-M1": "RS20-M35",
    "VER-3-F1-M1": "RS20-M36", "VER-3-F1-M2": "RS20-M37",
    "VER-4-F1-M1": "RS20-M38", "VER-4-F2-M1": "RS20-M39",
    "MAR-1-F1-M1": "RS20-M40", "MAR-1-F1-M2": "RS20-M41", "MAR-1-F1-M3": "RS20-M42",
    "MAR-1-F2-M1": "RS20-M43",
    "MAR-2-F1-M1": "RS20-M44", "MAR-2-F2-M1": "RS20-M45", "MAR-2-F2-M2": "RS20-M46",
    "MAR-3-F1-M1": "RS20-M47", "MAR-3-F1-M2": "RS20-M48",
    "MAR-4-F1-M1": "RS20-M49", "MAR-4-F1-M2": "RS20-M50", "MAR-4-F2-M1": "RS20-M51",
    "EKO-1-F1-M1": "RS20-M52", "EKO-1-F1-M2": "RS20-M53", "EKO-1-F1-M3": "RS20-M54",
    "EKO-2-F1-M1": "RS20-M55", "EKO-2-F2-M1": "RS20-M56",
    "EKO-3-F1-M1": "RS20-M57", "EKO-3-F1-M2": "RS20-M58", "EKO-3-F1-M3": "RS20-M59",
    "EKO-3-F1-M4": "RS20-M60", "EKO-3-F1-M5": "RS20-M61",
    "EKO-4-F1-M1": "RS20-M62",
}
# Name differences accepted for a match (everything else must be equal after removing footnote
# markers such as "[1]").
MATCH_NAME_DIFFERENCES = {
    "VER-1-F2-M2": "Rapporten: ”logggat” (källans stavfel), planen: ”loggat”.",
    "MAR-1-F1-M1": "Rapportens namncell innehåller även meningen som planen har som anmärkning till namnet.",
    "EKO-1-F1-M1": "Rapporten: ”Regionens balanskravsresultat i förhållande till …”, planen: ”Regionens resultat "
                   "i förhållande till …”. Samma finansiella mål (1 % av skatter, utjämning och generella "
                   "statsbidrag); rapporten följer upp balanskravsresultatet.",
}

# ---------------------------------------------------------------------------------------------
# Curated table 3: the 37 report measures with no plan counterpart (RUN and PN rows).
#   (unit, polarity, accumulation, periods or None for all three, note)
# ---------------------------------------------------------------------------------------------
YEARLY_NOTE = ("Målnivåtexten: ”Styrmåtten för detta mål mäts på helårsbasis och ingår därför inte i "
               "bedömningen av målet”; därför bara period ÅR.")
REPORT_ONLY: dict[str, tuple] = {
    "SAM-1-F2-M4": ("text", "N", "lvl", None, None),
    "SAM-1-F2-M5": ("text", "N", "lvl", None,
                    "Aktiviteten hör tematiskt till SAM-1-F1 (som saknar tabell) men står i tabellen under SAM-1-F2."),
    "SAM-1-F3-M1": ("text", "N", "lvl", None, None),
    "SAM-1-F4-M1": ("ratio", "H", "lvl", None, "Lediga jobb per arbetslös."),
    "SAM-2-F1-M1": ("count", "H", "cum", None,
                    "Namncellen har två delrader (”Projektstöd”, ”Företagstöd”) men ett mål; ”Företagstöd” är "
                    "källans stavning."),
    "SAM-2-F1-M2": ("count", "H", "cum", None, None),
    "SAM-2-F1-M3": ("text", "N", "lvl", None, None),
    "SAM-2-F2-M1": ("text", "N", "lvl", None, None),
    "SAM-3-F3-M1": ("count", "H", "lvl", ["ÅR"],
                    "Två tröskelvärden (20 personer, 12 kommuner). " + YEARLY_NOTE),
    "SAM-3-F4-M1": ("percent", "H", "lvl", ["ÅR"], YEARLY_NOTE),
    "SAM-3-F5-M1": ("text", "N", "lvl", None, None),
    "SAM-4-F2-M1": ("text", "H", "lvl", None, "Enheten anges inte."),
    "SAM-4-F3-M1": ("text", "N", "lvl", None, None),
    "MED-1-F1-M1": ("text", "N", "lvl", None,
                    "”Botniska korridorprojektet” i tabellen, ”Bottniska korridoren” i löptexten."),
    "MED-1-F2-M1": ("percent", "H", "lvl", None, None),
    "MED-1-F3-M1": ("text", "N", "lvl", None, None),
    "MED-1-F3-M2": ("percent", "H", "lvl", None, None),
    "MED-2-F1-M1": ("count", "H", "cum", ["ÅR"], YEARLY_NOTE),
    "MED-2-F2-M1": ("count", "H", "cum", ["ÅR"], YEARLY_NOTE),
    "VER-3-F1-M3": ("count", "H", "cum", None, None),
    "VER-3-F1-M4": ("percent", "H", "lvl", None, None),
    "VER-3-F1-M5": ("percent", "H", "lvl", None, None),
    "VER-4-F1-M2": ("count", "H", "cum", None, None),
    "VER-4-F3-M1": ("count", "H", "cum", None, "Mål i antal per år (”Ett forum/ år”)."),
    "VER-4-F3-M2": ("count", "H", "cum", None, "Antal dialoger/besök hos kommunerna (enheten anges inte)."),
    "VER-4-F3-M3": ("count", "H", "cum", None, "Löptexten: rapporter i maj och november."),
    "VER-4-F3-M4": ("count", "H", "cum", None, None),
    "VER-4-F4-M1": ("count", "H", "cum", None, "Mål i antal per år (”Ett forum/ år”)."),
    "EKO-1-F1-M4": ("mnkr", "H", "lvl", None, "Målet ”0” = ingen negativ budgetavvikelse."),
    "EKO-1-F1-M5": ("mnkr", "H", "lvl", None, "Målet ”0” = ingen negativ budgetavvikelse."),
    "EKO-2-F3-M1": ("count", "H", "cum", None, None),
    "EKO-2-F4-M1": ("text", "N", "lvl", None,
                    "Målcellen är tom; måltexten ”Programmen är skrivna” i nästa tabell (EKO-2-F5-M1) hör "
                    "sannolikt hit (förskjutning i PDF-utdraget). Ordagrant bevarat som i källan."),
    "EKO-2-F5-M1": ("text", "N", "lvl", None,
                    "Måltexten ”Programmen är skrivna” passar innehållsligt till EKO-2-F4-M1 (strukturfonds"
                    "program) men står här i källan; ordagrant bevarad här."),
    "EKO-3-F2-M1": ("text", "N", "lvl", None, None),
    "EKO-3-F2-M2": ("SEK", "N", "lvl", None, "Målet ”Ingångsvärde”: året ska ta fram ett ingångsvärde."),
    "EKO-3-F2-M3": ("SEK", "N", "lvl", None, "Målet ”Ingångsvärde”: året ska ta fram ett ingångsvärde."),
    "EKO-4-F1-M2": ("text", "N", "lvl", None, "”Akivitet:” är källans stavning (saknat t); klassad som aktivitet."),
}

# Report measures that split by sex and for which a total row is kept as well (sexes T, K, M):
# the April text gives only a total (regional average) for them.
REPORT_TKM = {"MED-4-F2-M2", "MED-4-F2-M3", "MED-4-F2-M4", "MED-4-F2-M5", "VER-2-F3-M2",
              "VER-3-F1-M2", "MAR-1-F1-M1"}

# Extra notes on report measures (matched ones too).
REPORT_NOTES = {
    "MED-4-F2-M6": "Löptexten anger ett annat mål än tabellen: ”Folktandvården har som mål att 75 procent av "
                   "patienterna ska färdigbehandlas vid ett besök.” (rad 1588–1589).",
    "MED-4-F2-M7": "Tabellens mål 100 % skiljer sig från planens (75 %) och löptextens ”målet på 75 procent” "
                   "(rad 1854). Utfallet redovisas i perspektivet Verksamhet (rad 1852).",
    "MED-4-F1-M4": "Utfallet redovisas i avsnittet ”Tillgänglig vård” under nästa framgångsfaktor (rad 1567).",
    "VER-2-F3-M1": "Tabellens mål ”2018: 7,1 %” är planens ingångsvärde; planens mål 2020 är ”Under 6,5 %”. "
                   "Utfallet tas fram för föregående år genom journalgranskning (rad 2025–2026).",
    "VER-2-F3-M2": "Tabellens mål ”2018 K: 55 % M: 57 %” är planens ingångsvärde; planens mål 2020 är ”60 %”, "
                   "och löptexten mäter mot ”årets mål på 60 procent” (rad 2082).",
    "VER-2-F2-M4": "Samma utfall (53/51) som VER-2-F2-M2 – möjligt kopieringsfel i källan (rad 1958, 1979).",
    "EKO-1-F1-M1": "Tabellens mål ”100 %” (planen: ”1,0”); löptexten anger målet som 1 procent av skatter, "
                   "bidrag och utjämning (rad 2823–2824). ”100 %” betyder troligen 100 % måluppfyllelse.",
    "EKO-1-F1-M2": "Tabellens mål ”0”, planens ”0,0”.",
    "EKO-1-F1-M3": "Tabellen visar bara DÅ 04-delen av planens mål ”DÅ 04: 61 % DÅ 08: 62 % ÅR: 64 %”; "
                   "löptextens årsmål är 64 procent (rad 2840–2841).",
    "EKO-3-F1-M3": "Måluppfyllelse-kolumnen innehåller texten ”t.o.m februari” (rad 3146). Rapporten skriver "
                   "”kvartal”, planen ”kvarta”.",
    "MAR-1-F1-M1": "Samma mål står på K- och M-raden; planen skriver målet utan kommatecken "
                   "(”2020: 4,8 % Kort: 49 % Lång: 51 %”).",
    "MAR-1-F1-M2": "Planen anger period ÅR; rapporten redovisar ändå ett aprilvärde (66 %).",
    "SAM-2-F1-M3": "name_raw: ”… Diversifieringsområ-den” (avstavningsartefakt borttagen).",
    "MED-2-F1-M1": "name_raw: ”… kultur-verksamheter …” (avstavningsartefakt borttagen).",
}

# ---------------------------------------------------------------------------------------------
# Curated table 4: observations stated by the April report (checked against the JSON below).
#   (measure, period, sex, column, value, source line, note)
#   column is "value", "ratio" (value = "numerator/denominator"), "state" or "missing".
# ---------------------------------------------------------------------------------------------
OBSERVATIONS = [
    ("MED-1-F2-M1", "2019-ÅR", "T", "value", "78", 1154,
     "PTS kartläggning 2019: ”Det motsvarar 78 procent av hushållen.” Avser hushåll med bredband om minst "
     "100 Mbit/s, inte uttryckligen invånare som tackat ja (närmevärde)."),
    ("MED-3-F2-M1", "2020-DÅ04", "T", "ratio", "468/9086", 1383,
     "”totalt 9 086 personer och av dessa har hittills 468 personer varit på ett hälsosamtal, cirka 5 procent "
     "av målgruppen”. K/M per åldersgrupp redovisas också men måttet följs som totalvärde."),
    ("MED-4-F1-M1", "2020-DÅ04", "K", "value", "56", 1479,
     "”Utfallet för perioden var 56 procent för kvinnor och 53 procent för män”"),
    ("MED-4-F1-M1", "2020-DÅ04", "M", "value", "53", 1479,
     "”Utfallet för perioden var 56 procent för kvinnor och 53 procent för män”"),
    ("MED-4-F1-M2", "2020-DÅ04", "T", "value", "22", 1459,
     "”uppgick till 22 procent under perioden, vilket är en högre andel än tidigare år”"),
    ("MED-4-F1-M3", "2020-DÅ04", "K", "value", "16.9", 1446,
     "”16,9 procent för kvinnor och 17,6 procent för män”"),
    ("MED-4-F1-M3", "2020-DÅ04", "M", "value", "17.6", 1446,
     "”16,9 procent för kvinnor och 17,6 procent för män”"),
    ("MED-4-F1-M4", "2020-DÅ04", "K", "value", "93", 1567, "”93 procent för både kvinnor och män”"),
    ("MED-4-F1-M4", "2020-DÅ04", "M", "value", "93", 1567, "”93 procent för både kvinnor och män”"),
    ("MED-4-F2-M1", "2020-DÅ04", "T", "value", "82.5", 1571, "”uppgick till 82,5 procent i snitt”"),
    ("MED-4-F2-M1", "2019-DÅ04", "T", "value", "87", 1571,
     "Härlett: ”Det är en minskning från 87 procent föregående år.” Läst som samma period föregående år; "
     "planens ingångsvärde anger samma tal för 2018 T1 (87 %)."),
    ("MED-4-F2-M2", "2020-DÅ04", "T", "value", "55", 1574,
     "Regionens genomsnitt, ej per kön: ”55 procent vid utgången av april månad”"),
    ("MED-4-F2-M2", "2019-DÅ04", "T", "value", "66", 1574,
     "Härlett 55 + 11: ”nedgång med elva procentenheter jämfört med samma tidpunkt föregående år”"),
    ("MED-4-F2-M3", "2020-DÅ04", "T", "value", "57", 1577,
     "Regionens genomsnitt, ej per kön: ”Motsvarande andel väntande till åtgärd inom specialiserad vård uppgick "
     "till 57 procent”"),
    ("MED-4-F2-M3", "2019-DÅ04", "T", "value", "63", 1577,
     "Härlett 57 + 6: ”vilket är en nedgång med sex procentenheter” (jämförelsen samma tidpunkt föregående år "
     "följer av föregående mening, rad 1574)."),
    ("MED-4-F2-M4", "2020-DÅ04", "T", "value", "55", 1581,
     "Regionens genomsnitt, ej per kön: ”var 55 procent vid utgången av april månad”"),
    ("MED-4-F2-M4", "2019-DÅ04", "T", "value", "44", 1581,
     "Härlett 55 − 11: ”förbättring med elva procentenheter jämfört med samma tidpunkt 2019”"),
    ("MED-4-F2-M5", "2020-DÅ04", "T", "value", "42", 1584,
     "Regionens genomsnitt, ej per kön: ”Motsvarande andel … var 42 procent”"),
    ("MED-4-F2-M5", "2019-DÅ04", "T", "value", "21", 1584,
     "Härlett 42 − 21: ”vilket är en förbättring med 21 procentenheter” (jämförelsen samma tidpunkt 2019 följer "
     "av föregående mening, rad 1581)."),
    ("MED-4-F2-M6", "2020-DÅ04", "T", "value", "68", 1589,
     "”68 procent för både kvinnor och män” – måttet har ingen K/M-uppdelning; totalen är då också 68."),
    ("MED-4-F2-M7", "2020-DÅ04", "T", "value", "60", 1852,
     "Redovisas under Verksamhet: ”klarade 60 procent av vårdförloppen i regionen den specificerade tidsramen”"),
    ("VER-2-F1-M2", "2020-DÅ04", "T", "value", "273", 1861,
     "”minskat till 273 per tusen invånare och år”. ”minskning med 4 procent” jämfört med samma period året innan "
     "ger inget exakt föregående värde."),
    ("VER-2-F2-M1", "2020-DÅ04", "K", "value", "66", 1951, "”66 procent av kvinnor och 72 procent av män”"),
    ("VER-2-F2-M1", "2020-DÅ04", "M", "value", "72", 1951, "”66 procent av kvinnor och 72 procent av män”"),
    ("VER-2-F2-M2", "2020-DÅ04", "K", "value", "53", 1958,
     "”53 procent av kvinnor och 51 procent i riskgruppen”"),
    ("VER-2-F2-M2", "2020-DÅ04", "M", "value", "51", 1958,
     "”… och 51 procent i riskgruppen” – källan saknar ”av män”; läst som män."),
    ("VER-2-F2-M3", "2020-DÅ04", "K", "value", "61", 1966,
     "”61 procent av kvinnor och 68 procent av män”. Delmängden stroke (K 73, M 80) är inte måttet."),
    ("VER-2-F2-M3", "2020-DÅ04", "M", "value", "68", 1966,
     "”61 procent av kvinnor och 68 procent av män”. Delmängden stroke (K 73, M 80) är inte måttet."),
    ("VER-2-F2-M4", "2020-DÅ04", "K", "value", "53", 1979,
     "”53 procent av kvinnor och 51 procent av män”; samma tal som rad 1958 (möjligt kopieringsfel i källan)."),
    ("VER-2-F2-M4", "2020-DÅ04", "M", "value", "51", 1979,
     "”53 procent av kvinnor och 51 procent av män”; samma tal som rad 1958 (möjligt kopieringsfel i källan)."),
    ("VER-2-F3-M1", "2019-ÅR", "T", "value", "6.3", 2030,
     "Preliminärt: ”Preliminära resultat för 2019 visar att andelen … uppgår till 6,3 procent.” Mäts för "
     "föregående år genom journalgranskning."),
    ("VER-2-F3-M1", "2018-ÅR", "T", "value", "7.1", 2030,
     "”en minskning från 2018 års resultat 7,1 %” (jämförelsevärdet för 2019-ÅR)."),
    ("VER-2-F3-M2", "2020-DÅ04", "T", "value", "58", 2079,
     "”1 300 stycken vilket motsvarar 58 procent i målgruppen, jämnt fördelat mellan könen” – ingen K/M-siffra."),
    ("VER-2-F3-M2", "2019-DÅ04", "T", "value", "63", 2079,
     "Härlett 58 + 5: ”försämring med fem procentenheter jämfört med föregående år” (läst som samma period)."),
    ("VER-3-F1-M1", "2020-DÅ04", "T", "value", "69", 2178,
     "”Under första tertialet uppgick andelen till 69 procent i genomsnitt.”"),
    ("VER-3-F1-M2", "2020-DÅ04", "T", "value", "49", 2190,
     "”registrerades totalt 49 ärenden” – ej per kön."),
    ("VER-3-F1-M2", "2019-DÅ04", "T", "value", "56", 2190,
     "Härlett 49 + 7: ”sju stycken färre än samma period föregående år”"),
    ("VER-3-F1-M4", "2020-DÅ04", "T", "value", "73", 2195,
     "”I 73 procent av ärendena fick anmälare svar från vården inom sex veckor under första tertialet.”"),
    ("VER-3-F1-M5", "2020-DÅ04", "T", "value", "100", 2196,
     "”Stödperson har i samtliga fall under det första tertialet utsetts inom fem arbetsdagar” (samtliga = 100 %)."),
    ("VER-4-F1-M2", "2020-DÅ04", "T", "value", "101", 2271,
     "Avser första kvartalet 2020 (januari–mars): ”(101 ärenden)”. Texten anger +36 procent; 101/76 ger +33 %."),
    ("VER-4-F1-M2", "2019-DÅ04", "T", "value", "76", 2271,
     "Avser första kvartalet 2019: ”jämfört med första kvartalet 2019 (76 ärenden)”"),
    ("MAR-1-F1-M1", "2020-DÅ04", "T", "value", "7.0", 2542,
     "”Regionens totala sjukfrånvaro ligger på 7,0 procent” – ej per kön (kvinnors 2,6 procentenheter högre "
     "än männens); kort 3,8 %, lång 3,2 %."),
    ("MAR-1-F1-M1", "2019-DÅ04", "T", "value", "5.1", 2542,
     "Härlett 7,0 − 1,9: ”en ökning med 1,9 procentenheter jämfört med föregående år” (läst som samma period)."),
    ("MAR-1-F1-M2", "2020-DÅ04", "T", "value", "66", 2560,
     "”66 procent av antalet utförda timmar”. Planen anger period ÅR för måttet."),
    ("MAR-1-F1-M2", "2019-DÅ04", "T", "value", "86", 2560,
     "Härlett 66 + 20: ”minskning med 20 procentenheter jämfört med samma period föregående år”"),
    ("MAR-1-F2-M1", "2020-DÅ04", "T", "value", "6.6", 2597,
     "”minskat med 1,8 procentenheter till 6,6 procent ackumulerat från januari till april 2020” "
     "(jämförelseperioden anges inte, därför inget föregående värde)."),
    ("EKO-1-F1-M1", "2020-DÅ04", "T", "value", "0.2", 2824,
     "”Per april är balansravsresultatet 0,2 procent och målet uppnås inte.”"),
    ("EKO-4-F1-M1", "2020-DÅ04", "T", "ratio", "53/75", 3261,
     "Avser till och med mars: ”till och med mars har 53 mnkr av 75 mnkr, dvs 70 procent effektuerats”"),
    # Activities and deliverables with a clear state in the text.
    ("SAM-1-F2-M5", "2020-DÅ04", "T", "state", "pågår", 258,
     "Insatser för tjänstepersoner genomförda; ”En utbildningsinsats var planerad för fullmäktige men ställdes "
     "in på grund av pandemin.”"),
    ("SAM-2-F2-M1", "2020-DÅ04", "T", "state", "pågår", 452,
     "”Arbetet med att ta fram en överenskommelse … fortlöper.”"),
    ("SAM-3-F5-M1", "2020-DÅ04", "T", "state", "pågår", 677,
     "”Hittills har en kartläggning av befintliga projektstöd genomförts” – rutiner och arbetssätt ännu inte "
     "införda."),
    ("MED-1-F1-M1", "2020-DÅ04", "T", "state", "pågår", 1104,
     "Löpande uppföljning med framsteg: beslut att tidigarelägga byggstart för Norrbotniabanan ”är ett resultat "
     "av regionens engagemang”."),
    ("VER-4-F1-M1", "2020-DÅ04", "T", "state", "pågår", 2268,
     "”Aktiviteterna i digitaliseringsstrategins handlingsplan har i stort sett fullföljts med undantag av ett "
     "fåtal som tvingats pausa”"),
    ("EKO-2-F1-M1", "2020-DÅ04", "T", "state", "pågår", 2978,
     "”Arbetet med regionens beslutade påverkansfrågor fortlöper”"),
    ("EKO-2-F2-M1", "2020-DÅ04", "T", "state", "genomförd", 3017,
     "”regionfullmäktige har fattat beslut om nya avgifter att gälla fr o m 1 april 2020”"),
    ("EKO-2-F4-M1", "2020-DÅ04", "T", "state", "pågår", 3067,
     "”Arbetet med förberedelser för nya EU-program har pågått under perioden” (rubrik: ”Skrivarbetet påbörjat”)."),
    ("EKO-2-F5-M1", "2020-DÅ04", "T", "state", "pågår", 3103,
     "Underlag framtaget; ”Norrbottens museum arbetar för att implementera stödet och avgifterna i verksamheten "
     "under året.”"),
    ("EKO-3-F2-M1", "2020-DÅ04", "T", "state", "pågår", 3224,
     "”Ett arbete har påbörjats med att hitta lämpliga regioner att jämföra sig med”"),
    ("EKO-4-F1-M2", "2020-DÅ04", "T", "state", "pågår", 3272,
     "Löpande aktivitet: ”Efter fyra månader har nämnden ett positivt utfall, vilket prognosen för helåret också "
     "indikerar.”"),
    # Not measured this year.
    ("MED-3-F1-M1", "2020-DÅ04", "T", "missing", "ej_mätt", 1339,
     "rad 1339–1340: ”Styrmått för skillnad i självskattad hälsa mellan kommuner redovisas efter nästa Hälsa på "
     "lika villkor-undersökning 2022.”"),
]

# ---------------------------------------------------------------------------------------------
# Curated table 5: year-end forecasts normalised to a status.
# ---------------------------------------------------------------------------------------------
# Outcomes the report states only as a change against the comparison period, with no value
# for the period in the text (observations with a `change`): (measure, sex, change, line, quote).
# Changes the transcription could turn into a value (a value and the change, or both values)
# are in OBSERVATIONS; "+50 % (antal inloggningar)" (VER-1-F2-M2) is a change of another
# quantity than the measure's share and is left out.
CHANGES = [
    ("VER-3-F1-M3", "T", "+200 %", 2193,
     "”Antal besök på patientnämndens sidor har ökat med 200 procent jämfört med första tertialet 2019.”"),
    ("MAR-1-F1-M3", "T", "-4,5 %", 2551,
     "”Extratiden, andelen timmar utöver ordinarie sysselsättningsgrad, har för perioden minskat med 4,5 "
     "procent jämfört med föregående år.”"),
]

# The report's own verdict on a single measure (the reference's `verdict.met_by_reading`, read
# from the quoted sentence), as the measure's status; a reading of low confidence is left out.
VERDICT_STATUS = {"yes": "uppnått", "no": "ej uppnått", "partly": "delvis uppnått"}

FORECAST_STATUS = {
    "uppnått": "uppnått",
    "delvis uppnått": "delvis uppnått",
    "inte uppnått": "inte uppnått",
    "svårt att bedöma": "kan ej bedömas",
    # "Målet bedöms inte kunna nås i sin helhet": not fully, i.e. partly (see README).
    "inte i sin helhet": "delvis uppnått",
    # "målet blir svårt att uppnå på helårsbasis": hedged; read as not fully, i.e. partly (see README).
    "svårt att uppnå": "delvis uppnått",
}


# ---------------------------------------------------------------------------------------------
# TOML writing (a small emitter for exactly the shapes we need).
# ---------------------------------------------------------------------------------------------
def q(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def key(k: str) -> str:
    return k if BARE.match(k) else q(k)


def val(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return q(v)
    if isinstance(v, list):
        return "[" + ", ".join(val(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{key(k)} = {val(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


def table(name: str, fields: dict) -> str:
    lines = [f"[[{name}]]"]
    for k, v in fields.items():
        if v is None:
            continue
        lines.append(f"{key(k)} = {val(v)}")
    return "\n".join(lines) + "\n"


def header(comment: list[str], top: dict) -> str:
    lines = [f"# {c}" if c else "#" for c in comment]
    lines.append("")
    for k, v in top.items():
        lines.append(f"{key(k)} = {val(v)}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Reading the reference.
# ---------------------------------------------------------------------------------------------
def load():
    plan = json.loads(PLAN_JSON.read_text(encoding="utf-8"))
    report = json.loads(REPORT_JSON.read_text(encoding="utf-8"))
    return plan, report


def norm_name(name: str) -> str:
    name = re.sub(r"\[\d+\]", "", name)
    return re.sub(r"\s+", " ", name).strip().rstrip(".").lower()


SOURCE_LABELS = [
    ("perspective list", "perspektivlistan"), ("goal heading", "målrubriken"),
    ("003 §167", "delårsrapport augusti 2020 §167"), ("003 §168 heading", "RUN:s delårsrapport augusti 2020, rubrik"),
    ("003 §168 RUN", "RUN:s delårsrapport augusti 2020"), ("003 §168", "RUN:s delårsrapport augusti 2020"),
    ("002", "planen"), ("003", "delårsrapport augusti 2020"), ("004", "årsredovisning 2020"),
    ("000", "delårsrapport april 2020"),
]


def sv_sources(variant: str) -> str:
    """The plan JSON labels name variants with English source tags, e.g. '(perspective list, 002)'."""
    m = re.match(r"^(.*) \((.*)\)$", variant)
    if not m:
        return variant
    tags = m.group(2)
    for en, sv in SOURCE_LABELS:
        tags = re.sub(rf"(?<![\w§]){re.escape(en)}(?![\w])", sv, tags)
    return f"{m.group(1)} ({tags})"


def plan_measure_fields(m: dict) -> dict:
    """The fields a plan measure contributes (also to a matched report measure)."""
    mid = m["id"]
    unit, pol, acc, bperiod, bvalues, _note = PLAN_CURATION[mid]
    codes = m["period"]["codes"]
    if codes == ["VART_FJÄRDE_ÅR"]:
        periods = ["ÅR"]
    else:
        assert all(c in ALL_PERIODS for c in codes), (mid, codes)
        periods = [p for p in ALL_PERIODS if p in codes]
    baseline = None
    btext = m["baseline"]["verbatim"]
    if btext:
        baseline = {}
        if bperiod:
            baseline["period"] = bperiod
            for sex in ("T", "K", "M"):
                if sex in bvalues:
                    baseline[sex] = bvalues[sex]
        baseline["text"] = btext
    else:
        assert bperiod is None
    footnotes = [m["footnote"]] if m.get("footnote") else None
    return {
        "unit": unit,
        "polarity": POLARITY[pol],
        "periods": periods,
        "accumulation": ACCUMULATION[acc],
        "source": m["source"] or None,
        "baseline": baseline,
        "footnotes": footnotes,
    }


def plan_sexes(mid: str) -> list[str]:
    if mid in PLAN_TKM:
        return ["T", "K", "M"]
    if mid in PLAN_KM:
        return ["K", "M"]
    return ["T"]


# ---------------------------------------------------------------------------------------------
# plan-2020.toml
# ---------------------------------------------------------------------------------------------
def build_plan(plan: dict) -> str:
    src = plan["source"]
    out = [header(
        [
            "Regionstyrelsens plan 2020 (2020–2022), Region Norrbotten.",
            f"Källa: {src['title']}, dokument-id {src['document_id']}, version {src['version']}",
            "(godkänt datum är en platshållare i källan). Transkriberad ur",
            "tests/fixtures/reference/norrbotten-2020-plan.json av transcribe.py; redigera inte för hand,",
            "ändra skriptet och kör om det. Beslut och avvikelser: README.md.",
        ],
        {
            "schema": 1,
            "organisation": ORGANISATION,
            "name": "Regionstyrelsens plan 2020",
            "vision": VISION,
            "years": [2020, 2022],
        },
    )]
    out.append("\n" + table("bodies", {"code": "RS", "name": BODY_NAMES["RS"]}))
    for pid, pname in PERSPECTIVES:
        out.append("\n" + table("perspectives", {"id": pid, "name": pname}))
    assert plan["perspectives"] == [n for _, n in PERSPECTIVES]

    for g in plan["structure"]:
        note = None
        if g.get("name_variants"):
            note = "Namnvarianter i källorna: " + "; ".join(sv_sources(v) for v in g["name_variants"]) + "."
        out.append("\n" + table("goals", {
            "id": g["id"],
            "perspective": PERSPECTIVE_ID[g["perspective"]],
            "name": g["name"],
            "bodies": ["RS"],
            "note": note,
        }))
    for g in plan["structure"]:
        for f in g["success_factors"]:
            note = None
            if not f["measure_ids"]:
                note = ("Framgångsfaktorn har inga styrmått i planen (”Alla framgångsfaktorer har inte styrmått "
                        "utan följs istället med kontrollmått eller genom aktiviteter.”).")
            out.append("\n" + table("success_factors", {
                "id": f["id"], "goal": g["id"], "name": f["name"], "bodies": ["RS"], "note": note,
            }))

    for m in plan["measures"]:
        mid = m["id"]
        fields = plan_measure_fields(m)
        notes = []
        if PLAN_CURATION[mid][5]:
            notes.append(PLAN_CURATION[mid][5])
        kind = "aktivitet" if m["is_activity"] else "styrmått"
        targets = {}
        for year in ("2020", "2022"):
            t = m["targets"][year]
            if t and t["verbatim"]:
                targets[year] = t["verbatim"]
        out.append("\n" + table("measures", {
            "id": mid,
            "success_factor": m["success_factor_id"],
            "name": m["name"],
            "kind": kind,
            "body": "RS",
            "unit": fields["unit"],
            "polarity": fields["polarity"],
            "sexes": plan_sexes(mid),
            "periods": fields["periods"],
            "accumulation": fields["accumulation"],
            "source": fields["source"],
            "baseline": fields["baseline"],
            "targets": targets or None,
            "footnotes": fields["footnotes"],
            "note": " ".join(notes) or None,
        }))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# scorecard-2020.toml
# ---------------------------------------------------------------------------------------------
def report_measures(report: dict):
    """Distinct measures in document order: (goal, factor, [rows])."""
    for p in report["perspectives"]:
        for g in p["strategic_goals"]:
            for f in g["success_factors"]:
                seen: dict[str, list] = {}
                for row in f["measures"]:
                    seen.setdefault(row["measure_id"], []).append(row)
                for mid, rows in seen.items():
                    yield p, g, f, mid, rows


def build_scorecard(plan: dict, report: dict) -> str:
    src = report["source"]
    plan_by_id = {m["id"]: m for m in plan["measures"]}
    out = [header(
        [
            "Mål och måluppfyllelse 2020 – Region Norrbotten, delårsrapport april 2020.",
            f"Källa: {src['title']}, dokument-id {src['document_id']}, version {src['version']},",
            f"publicerad {src['published']}. Transkriberad ur tests/fixtures/reference/norrbotten-2020-dao4-report.json",
            "(och, för mått som också finns i Regionstyrelsens plan 2020, period, ingångsvärde, källa, enhet och",
            "polaritet ur norrbotten-2020-plan.json) av transcribe.py; redigera inte för hand.",
            "Beslut och avvikelser: README.md.",
        ],
        {
            "schema": 1,
            "organisation": ORGANISATION,
            "name": "Mål och måluppfyllelse 2020",
            "years": [2020, 2020],
        },
    )]
    for code in ("RS", "RUN", "PN"):
        out.append("\n" + table("bodies", {"code": code, "name": BODY_NAMES[code]}))
    assert [p["name"] for p in report["perspectives"]] == [n for _, n in PERSPECTIVES]
    for pid, pname in PERSPECTIVES:
        out.append("\n" + table("perspectives", {"id": pid, "name": pname}))

    for p in report["perspectives"]:
        for g in p["strategic_goals"]:
            note = None
            if g["name_variants"]:
                note = "Namnvariant i rapporten: " + "; ".join(g["name_variants"]) + "."
            out.append("\n" + table("goals", {
                "id": g["id"], "perspective": PERSPECTIVE_ID[p["name"]], "name": g["name"],
                "bodies": g["bodies"], "note": note,
            }))
    for p in report["perspectives"]:
        for g in p["strategic_goals"]:
            for f in g["success_factors"]:
                bodies = list(f["bodies"])
                notes = []
                extra = [b for b in f["row_bodies"] if b not in bodies]
                if not f["bodies"]:
                    notes.append("Organ saknas i översiktstabellen; organen tagna ur tabellraderna.")
                elif extra:
                    notes.append(f"Översiktstabellen anger ({', '.join(f['bodies'])}); tabellen innehåller även "
                                 f"{', '.join(extra)}-rader.")
                bodies += extra
                if f["overview_name"] is None:
                    notes.append("Framgångsfaktorn saknas i översiktstabellen.")
                elif f["overview_name"] != f["name"]:
                    notes.append(f"Namn i översiktstabellen: ”{f['overview_name']}”.")
                if not f["has_table"]:
                    notes.append("Ingen måtttabell, bara löptext; rubriken saknar prefixet ”FRAMGÅNGSFAKTOR:”.")
                out.append("\n" + table("success_factors", {
                    "id": f["id"], "goal": g["id"], "name": f["name"], "bodies": bodies,
                    "note": " ".join(notes) or None,
                }))

    for p, g, f, mid, rows in report_measures(report):
        first = rows[0]
        kms = [r["km"] for r in rows]
        assert kms in ([None], ["K", "M"]), (mid, kms)
        for r in rows:
            for k in ("name", "kind", "body"):
                assert r[k] == first[k], (mid, k)
        notes = []
        # Target 2020: one verbatim text.
        cells = [r["target_text"] for r in rows]
        targets = None
        if len(set(cells)) == 1:
            if cells[0] is not None:
                targets = {"2020": cells[0]}
        else:
            k_cell, m_cell = cells
            assert k_cell.startswith("K") and m_cell.startswith("M"), (mid, cells)
            targets = {"2020": f"{k_cell} {m_cell}"}
            notes.append(f"Målcellerna i källan: K-raden ”{k_cell}”, M-raden ”{m_cell}”.")
        if kms == ["K", "M"]:
            sexes = ["T", "K", "M"] if mid in REPORT_TKM else ["K", "M"]
        else:
            assert mid not in REPORT_TKM
            sexes = ["T"]
        if mid in MATCHES:
            pm = plan_by_id[MATCHES[mid]]
            fields = plan_measure_fields(pm)
            assert plan_sexes(pm["id"]) == sexes, (mid, pm["id"])
            notes.insert(0, f"Samma mått som {pm['id']} i Regionstyrelsens plan 2020 (period, ingångsvärde, källa, "
                            f"enhet och polaritet därifrån).")
            if mid in MATCH_NAME_DIFFERENCES:
                notes.append(MATCH_NAME_DIFFERENCES[mid])
            if PLAN_CURATION[pm["id"]][5]:
                notes.append("Planen: " + PLAN_CURATION[pm["id"]][5])
            if fields["footnotes"]:
                notes.append("Fotnoten är planens (fotnotstexterna saknas i rapportens textutdrag).")
        else:
            assert first["body"] in ("RUN", "PN") or first["kind"] == "aktivitet" and first["body"] == "RUN", mid
            unit, pol, acc, periods, note = REPORT_ONLY[mid]
            fields = {
                "unit": unit, "polarity": POLARITY[pol], "accumulation": ACCUMULATION[acc],
                "periods": periods or ALL_PERIODS, "source": None, "baseline": None, "footnotes": None,
            }
            if note:
                notes.append(note)
        if mid in REPORT_NOTES:
            notes.append(REPORT_NOTES[mid])
        if first.get("reporting_note"):
            notes.append(f"Rapporten: ”{first['reporting_note']}”")
        if mid in REPORT_TKM and not any("sexes = T, K, M" in n for n in notes):
            notes.append("sexes = T, K, M: rapporten redovisar bara totalvärdet.")
        out.append("\n" + table("measures", {
            "id": mid,
            "success_factor": f["id"],
            "name": first["name"],
            "kind": first["kind"],
            "body": first["body"],
            "unit": fields["unit"],
            "polarity": fields["polarity"],
            "sexes": sexes,
            "periods": fields["periods"],
            "accumulation": fields["accumulation"],
            "source": fields["source"],
            "baseline": fields["baseline"],
            "targets": targets,
            "footnotes": fields["footnotes"],
            "note": " ".join(notes) or None,
        }))
    return "".join(out)


def check_matches(plan: dict, report: dict) -> list[tuple[str, str, str]]:
    plan_by_id = {m["id"]: m for m in plan["measures"]}
    rep = {mid: rows[0] for _, _, _, mid, rows in report_measures(report)}
    assert len(set(MATCHES.values())) == len(MATCHES) == 62
    table_ = []
    for rid, pid in MATCHES.items():
        r, pm = rep[rid], plan_by_id[pid]
        same = norm_name(r["name"]) == norm_name(pm["name"])
        assert same or rid in MATCH_NAME_DIFFERENCES, (rid, r["name"], pm["name"])
        assert not (same and rid in MATCH_NAME_DIFFERENCES), rid
        assert r["body"] == "RS", rid
        assert (r["kind"] == "aktivitet") == pm["is_activity"], rid
        table_.append((rid, pid, r["name"]))
    # No other report measure has the same name as a plan measure.
    plan_names = {norm_name(m["name"]) for m in plan["measures"]}
    for rid, r in rep.items():
        if rid not in MATCHES:
            assert norm_name(r["name"]) not in plan_names, rid
            assert rid in REPORT_ONLY, rid
    assert set(REPORT_ONLY) == set(rep) - set(MATCHES)
    return table_


# ---------------------------------------------------------------------------------------------
# observations-2020-DÅ04.csv
# ---------------------------------------------------------------------------------------------
def build_observations(report: dict) -> str:
    rows_by_id: dict[str, list] = {}
    for _, _, _, mid, rows in report_measures(report):
        rows_by_id[mid] = rows
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["unit", "measure", "period", "sex", "value", "numerator", "denominator", "state",
                "reference", "missing", "note", "change"])
    for mid, period, sex, column, value, line, note in OBSERVATIONS:
        rows = rows_by_id[mid]
        # Cross-check against the JSON.
        row = next((r for r in rows if r["km"] == sex), rows[0])
        o = row["outcome"]
        if column == "value" and period == "2020-DÅ04" and o and o.get("value") is not None \
                and o.get("match") == "direct":
            expected = o.get({"K": "k_value", "M": "m_value"}.get(sex, "value"))
            if sex == "T" and o.get("k_value") is not None:
                expected = o["value"]
            assert float(value) == float(expected), (mid, sex, value, expected)
        if column in ("value", "ratio") and period == "2020-DÅ04" and o:
            assert o["source_line"] == line, (mid, o["source_line"], line)
        cells = {"value": "", "numerator": "", "denominator": "", "state": "", "missing": ""}
        if column == "ratio":
            cells["numerator"], cells["denominator"] = value.split("/")
        else:
            cells[column] = value
        w.writerow(["", mid, period, sex, cells["value"], cells["numerator"], cells["denominator"],
                    cells["state"], "", cells["missing"], f"rad {line}: {note}" if not note.startswith("rad ")
                    else note, ""])
    have = {(mid, period, sex) for mid, period, sex, *_ in OBSERVATIONS}
    for mid, sex, change, line, quote in CHANGES:
        row = next(r for r in rows_by_id[mid] if (r["km"] or "T") == sex)
        assert row["outcome"]["source_line"] == line and row["outcome"]["change_stated"].startswith(change), mid
        assert (mid, "2020-DÅ04", sex) not in have, mid
        w.writerow(["", mid, "2020-DÅ04", sex, "", "", "", "", "", "", f"rad {line}: {quote}", change])
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# judgements-2020-DÅ04.toml
# ---------------------------------------------------------------------------------------------
def build_judgements(report: dict) -> str:
    src = report["source"]
    out = [
        "# Samlad bedömning av de 20 strategiska målen per april 2020 (period 2020-DÅ04).\n"
        f"# Källa: {src['title']}, dokument-id {src['document_id']}; sammanfattning rad "
        f"{report['summary_statement']['source_line']}:\n"
        f"# ”{report['summary_statement']['quote']}”\n"
        "# status: rapportens ordalydelse; forecast: årsprognosen normaliserad (README.md); forecast_note ordagrant.\n"
        "# Därefter rapportens bedömningar av enskilda mått och analystexterna ([[analyses]]).\n"
        "# Genererad av transcribe.py.\n"
    ]
    for p in report["perspectives"]:
        for g in p["strategic_goals"]:
            status = g["assessment"]
            if g["id"].startswith("MAR-"):
                # Medarbetare writes "delvis är uppfyllt".
                assert "delvis är uppfyllt" in g["assessment_quote"] and status == "delvis uppnått"
                status = "delvis uppfyllt"
            motivation = g["assessment_quote"]
            for extra in g.get("assessment_notes", []):
                motivation += " " + extra
            out.append("\n" + f"# {g['id']} {g['name']} (rad {g['assessment_line']})\n" + table("judgements", {
                "goal": g["id"],
                "period": "2020-DÅ04",
                "status": status,
                "motivation": motivation,
                "forecast": FORECAST_STATUS[g["year_end_forecast"]],
                "forecast_note": g["year_end_forecast_quote"],
            }))
    verdicts, analyses = measure_texts(report)
    out.append("\n# Rapportens bedömning av enskilda mått: meningen som säger om målet nås (motivation) och\n"
               "# utfallstexten (analysis), ordagrant; status enligt läsningen i referensen (met_by_reading).\n")
    for mid, sex, verdict, analysis in verdicts:
        fields = {"goal": mid}
        if sex:
            fields["sex"] = sex
        fields.update({"period": "2020-DÅ04", "status": VERDICT_STATUS[verdict["met_by_reading"]],
                       "motivation": verdict["text_verdict_quote"]})
        if analysis:
            fields["analysis"] = analysis
        out.append("\n" + f"# {mid} (rad {verdict['text_verdict_line']})\n" + table("judgements", fields))
    out.append("\n# Analystexter: rapportens utfallstexter för mått utan egen bedömning och texterna om\n"
               "# indikatorer som bara redovisas i löptext (under framgångsfaktorn), ordagrant.\n")
    for of, text, lines in analyses:
        out.append("\n" + f"# {of} (rad {', '.join(str(n) for n in lines)})\n" + table("analyses", {
            "of": of, "period": "2020-DÅ04", "text": text}))
    return "".join(out)


def measure_texts(report: dict):
    """The report's verdicts on single measures and its analysis texts.

    Verdicts: (measure, sex or None, verdict, analysis); one for the measure when its rows agree,
    one per sex row otherwise. Analyses: (id, text, lines) for the outcome text of each measure
    without a verdict and for the indicators a success factor reports in running text only."""
    verdicts, analyses = [], []
    for _, _, f, mid, rows in report_measures(report):
        stated = [r for r in rows if (r.get("verdict") or {}).get("text_verdict_quote")
                  and r["verdict"]["met_by_reading"] in VERDICT_STATUS and r["verdict"]["confidence"] != "low"]
        quotes = []
        for r in rows:
            q = (r.get("outcome") or {}).get("quote")
            if q and q not in quotes:
                quotes.append(q)
        if stated:
            same = len(stated) == len(rows) and len(
                {(r["verdict"]["met_by_reading"], r["verdict"]["text_verdict_quote"]) for r in stated}) == 1
            for r in stated[:1] if same else stated:
                q = (r.get("outcome") or {}).get("quote")
                analysis = q if q and q != r["verdict"]["text_verdict_quote"] else None
                verdicts.append((mid, None if same else (r["km"] or "T"), r["verdict"], analysis))
        elif quotes:
            lines = sorted({r["outcome"]["source_line"] for r in rows if (r.get("outcome") or {}).get("quote")})
            analyses.append((mid, "\n\n".join(quotes), lines))
    for p in report["perspectives"]:
        for g in p["strategic_goals"]:
            for f in g["success_factors"]:
                indicators = f.get("narrative_only_indicators") or []
                quotes = []
                for i in indicators:
                    if i.get("quote") and i["quote"] not in quotes:
                        quotes.append(i["quote"])
                if quotes:
                    lines = sorted({i["source_line"] for i in indicators if i.get("quote")})
                    analyses.append((f["id"], "\n\n".join(quotes), lines))
    return verdicts, analyses


# ---------------------------------------------------------------------------------------------
# Checks.
# ---------------------------------------------------------------------------------------------
def check_files() -> None:
    plan = tomllib.loads(OUT_PLAN.read_text(encoding="utf-8"))
    sc = tomllib.loads(OUT_SCORECARD.read_text(encoding="utf-8"))
    jd = tomllib.loads(OUT_JUDGEMENTS.read_text(encoding="utf-8"))

    top_keys = {"schema", "organisation", "name", "vision", "years", "bodies", "units", "perspectives",
                "goals", "success_factors", "measures"}
    measure_keys = {"id", "success_factor", "name", "kind", "body", "unit", "polarity", "sexes", "periods",
                    "accumulation", "comparison_base", "source", "baseline", "targets", "footnotes", "note"}
    period_re = re.compile(r"^\d{4}-(DÅ04|DÅ08|ÅR)$")

    def check_scorecard(d: dict, n_goals, n_sf, n_measures, n_km, n_rows, n_act, n_persp=5):
        assert set(d) <= top_keys, set(d) - top_keys
        assert d["schema"] == 1 and d["organisation"] == ORGANISATION
        bodies = {b["code"] for b in d["bodies"]}
        persp = [p["id"] for p in d["perspectives"]]
        assert len(persp) == n_persp == len(set(persp))
        goals = {g["id"]: g for g in d["goals"]}
        assert len(goals) == len(d["goals"]) == n_goals
        for g in d["goals"]:
            assert set(g) <= {"id", "perspective", "name", "bodies", "description", "note"}
            assert g["perspective"] in persp and set(g["bodies"]) <= bodies and g["bodies"]
        sfs = {f["id"]: f for f in d["success_factors"]}
        assert len(sfs) == len(d["success_factors"]) == n_sf
        for f in d["success_factors"]:
            assert set(f) <= {"id", "goal", "name", "bodies", "description", "note", "risk"}
            assert f["goal"] in goals and set(f["bodies"]) <= bodies and f["bodies"]
        ms = d["measures"]
        ids = [m["id"] for m in ms]
        assert len(ids) == len(set(ids)) == n_measures
        assert not set(ids) & (set(goals) | set(sfs))
        for m in ms:
            assert set(m) <= measure_keys, set(m) - measure_keys
            assert m["success_factor"] in sfs and m["body"] in bodies
            assert m["kind"] in ("styrmått", "kontrollmått", "aktivitet")
            assert m["polarity"] in ("higher_is_better", "lower_is_better", "neutral")
            assert m["accumulation"] in ("level", "cumulative")
            assert m["sexes"] in (["T"], ["K", "M"], ["T", "K", "M"])
            assert m["periods"] and all(p in ALL_PERIODS for p in m["periods"])
            b = m.get("baseline")
            if b:
                assert set(b) <= {"period", "T", "K", "M", "text"} and "text" in b
                if "period" in b:
                    assert period_re.match(b["period"])
                    vals = [s for s in ("T", "K", "M") if s in b]
                    assert vals and set(vals) <= set(m["sexes"]), m["id"]
                    for s in vals:
                        assert re.match(r"^-?\d+(,\d+)?$", b[s]), (m["id"], b[s])
                else:
                    assert not set(b) & {"T", "K", "M"}
            for y, t in m.get("targets", {}).items():
                assert d["years"][0] <= int(y) <= d["years"][1] and t, (m["id"], y)
        for f in sfs:
            pass
        assert sum(1 for m in ms if "K" in m["sexes"]) == n_km
        assert sum(2 if "K" in m["sexes"] else 1 for m in ms) == n_rows
        assert sum(1 for m in ms if m["kind"] == "aktivitet") == n_act
        return {m["id"]: m for m in ms}

    check_scorecard(plan, 17, 30, 62, 17, 79, 4)
    assert plan["years"] == [2020, 2022] and plan["name"] == "Regionstyrelsens plan 2020"
    assert [f["id"] for f in plan["success_factors"] if not any(
        m["success_factor"] == f["id"] for m in plan["measures"])] == ["F01"]
    sc_measures = check_scorecard(sc, 20, 50, 99, 18, 117, 17)
    assert sc["years"] == [2020, 2020] and sc["name"] == "Mål och måluppfyllelse 2020"
    assert [f["id"] for f in sc["success_factors"] if not any(
        m["success_factor"] == f["id"] for m in sc["measures"])] == ["SAM-1-F1"]
    assert sum(1 for m in sc["measures"] if m["kind"] == "styrmått") == 82
    assert sum(2 if "K" in m["sexes"] else 1 for m in sc["measures"] if m["kind"] == "styrmått") == 100

    # Judgements.
    goal_ids = {g["id"] for g in sc["goals"]}
    js = [j for j in jd["judgements"] if j["goal"] in goal_ids]
    assert len(js) == 20 and {j["goal"] for j in js} == goal_ids
    for j in js:
        assert set(j) == {"goal", "period", "status", "motivation", "forecast", "forecast_note"}
        assert j["period"] == "2020-DÅ04" and j["motivation"] and j["forecast_note"]
    mv = [j for j in jd["judgements"] if j["goal"] not in goal_ids]
    assert len(mv) == 21, len(mv)
    for j in mv:
        m = sc_measures[j["goal"]]
        assert set(j) <= {"goal", "sex", "period", "status", "motivation", "analysis"}, j
        assert j["period"] == "2020-DÅ04" and j["motivation"] and j["status"] in VERDICT_STATUS.values()
        assert "sex" not in j or j["sex"] in m["sexes"], j
    assert len({(j["goal"], j.get("sex")) for j in mv}) == len(mv)
    sf_ids = {f["id"] for f in sc["success_factors"]}
    analyses = jd["analyses"]
    assert len(analyses) == 54, len(analyses)
    for a in analyses:
        assert set(a) == {"of", "period", "text"} and a["period"] == "2020-DÅ04" and a["text"].strip()
        assert a["of"] in sc_measures or a["of"] in sf_ids, a
        assert not any(j["goal"] == a["of"] for j in mv), a
    assert len({a["of"] for a in analyses}) == len(analyses)
    norm = {"uppnått": "a", "delvis uppnått": "p", "delvis uppfyllt": "p", "inte uppnått": "n",
            "kan ej bedömas": "x"}
    counts = {}
    for j in js:
        counts[norm[j["status"]]] = counts.get(norm[j["status"]], 0) + 1
    assert counts == {"a": 1, "p": 18, "n": 1}, counts
    fc = {}
    for j in js:
        fc[norm[j["forecast"]]] = fc.get(norm[j["forecast"]], 0) + 1
    assert fc == {"p": 11, "a": 3, "n": 1, "x": 5}, fc

    # Observations.
    with OUT_OBS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0].keys()) == ["unit", "measure", "period", "sex", "value", "numerator", "denominator",
                                    "state", "reference", "missing", "note", "change"]
    seen = set()
    for r in rows:
        m = sc_measures[r["measure"]]
        assert r["sex"] in m["sexes"], r
        assert period_re.match(r["period"]), r
        k = (r["measure"], r["period"], r["sex"])
        assert k not in seen, k
        seen.add(k)
        filled = [c for c in ("value", "numerator", "state", "missing", "change") if r[c]]
        if r["change"]:
            assert re.match(r"^[+-]\d+(,\d+)? ?(%|procentenheter)?$", r["change"]), r
        assert len(filled) == 1, r
        if r["numerator"]:
            assert r["denominator"]
        if r["value"]:
            float(r["value"])
            assert "," not in r["value"]
        if r["state"]:
            assert r["state"] in ("ej_påbörjad", "pågår", "genomförd") and m["kind"] == "aktivitet", r
        if r["missing"]:
            assert r["missing"] in ("ej_publicerad", "metod_ändrad", "sekretess", "ej_mätt")
        assert r["unit"] == "" and r["reference"] == ""
        assert re.match(r"^rad \d+", r["note"]), r


def main() -> None:
    if "--check" not in sys.argv:
        plan, report = load()
        assert report["counts"]["distinct_measures"] == 99 and report["counts"]["measure_rows"] == 117
        assert plan["summary"]["n_measure_rows"] == 62
        matches = check_matches(plan, report)
        OUT_PLAN.write_text(build_plan(plan), encoding="utf-8")
        OUT_SCORECARD.write_text(build_scorecard(plan, report), encoding="utf-8")
        OUT_OBS.write_text(build_observations(report), encoding="utf-8")
        OUT_JUDGEMENTS.write_text(build_judgements(report), encoding="utf-8")
        if "--matches" in sys.argv:
            for rid, pid, name in matches:
                print(f"| {rid} | {pid} | {name} |")
    check_files()
    print("ok: plan-2020.toml, scorecard-2020.toml, observations-2020-DÅ04.csv, judgements-2020-DÅ04.toml")


if __name__ == "__main__":
    main()
