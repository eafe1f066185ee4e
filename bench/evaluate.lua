-- wrk script: POST a realistic history to the stateless screening endpoint.
-- Usage: see docs/benchmarks.md (the Authorization header is passed with wrk -H).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"asOf":"2026-11-22","area":"LEGS","protocol":"standard","history":{"pregnant":false,"breastfeeding":false,
"currentInfection":false,"lastAntibioticsOn":"2026-11-15","visibleVaricoseVeins":false,"duplex":"NOT_DONE",
"acuteDvtOrPe":false,"previousDvtOrPe":false,"thrombophilia":false,"activeCancer":false,"venousSkinChanges":false,
"lastThrombophlebitisOn":null,"ableToWalk":true,"lastHeartProblemOn":null,"lastLegSurgeryOn":null,
"medications":["TAMOXIFEN"],"sclerosantAllergies":[],"migraineWithAura":false,"knownRightToLeftShunt":false,
"peripheralArterialDisease":false,"poorlyControlledDiabetes":false,"fitzpatrickSkinType":4,"plannedLongHaulFlightOn":null}}]]
