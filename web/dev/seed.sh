#!/usr/bin/env bash
# Development only: a member with a manager, a cycle, a manager's assessment, evidence of each status
# and a plan in the platform on :8080, so the screens show real data before the demo organisation exists.
# Idempotent enough for repeated runs: people are looked up by email first.
set -euo pipefail
ASCENT=${ASCENT_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}/ascent
BASE=${ASCENT_URL:-http://localhost:8080}/api/v1
ADMIN="Authorization: Bearer $($ASCENT token admin@example.com --role admin)"
json() { curl -sS -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

person() { # email name level target managerId
  local found
  found=$(curl -sS -H "$ADMIN" "$BASE/people?limit=200" | python3 -c "
import json,sys; print(next((p['id'] for p in json.load(sys.stdin)['items'] if p['email']=='$1'), ''))")
  if [ -n "$found" ]; then echo "$found"; return; fi
  local manager=${5:+,\"managerId\":\"$5\"}
  json -H "$ADMIN" -X POST "$BASE/people" -d "{\"name\":\"$2\",\"email\":\"$1\",\"level\":\"$3\",\"targetLevel\":\"$4\"$manager}" | field "['id']"
}

MGR=$(person web-grace@example.com 'Grace Hopper' DIRECTOR VP)
ADA=$(person web-ada@example.com 'Ada Lovelace' PM SENIOR_PM "$MGR")
MGR_AUTH="Authorization: Bearer $($ASCENT token web-grace@example.com --role manager)"
ADA_AUTH="Authorization: Bearer $($ASCENT token web-ada@example.com)"

CYCLE=$(json -H "$MGR_AUTH" -X POST "$BASE/cycles" -d "{\"name\":\"Spring review\",\"startsOn\":\"$(date +%F)\",\"endsOn\":\"$(date -d '+30 days' +%F)\",\"participantIds\":[\"$ADA\"]}" | field "['id']")
MA=$(json -H "$MGR_AUTH" -X POST "$BASE/assessments" -d "{\"cycleId\":\"$CYCLE\",\"subjectId\":\"$ADA\",\"kind\":\"MANAGER\",\"ratings\":[{\"competency\":\"execution-delivery\",\"rating\":3},{\"competency\":\"customer-discovery\",\"rating\":2},{\"competency\":\"influence\",\"rating\":3}]}" | field "['id']")
json -H "$MGR_AUTH" -X POST "$BASE/assessments/$MA/submit" >/dev/null

for t in 'Shipped the onboarding revamp|DELIVERY|execution-delivery' 'Ran five discovery interviews with churned customers|CUSTOMER_DISCOVERY_SESSION|customer-discovery'; do
  IFS='|' read -r title kind comp <<<"$t"
  json -H "$ADA_AUTH" -X POST "$BASE/evidence" -d "{\"personId\":\"$ADA\",\"kind\":\"$kind\",\"competencies\":[\"$comp\"],\"title\":\"$title\",\"occurredAt\":\"$(date -d '-10 days' +%F)\"}" >/dev/null
done

SOURCE=$(json -H "$ADMIN" -X POST "$BASE/integrations" -d '{"kind":"GENERIC","name":"web-dev tracker"}' | field "['id']")
json -H "$ADMIN" -X POST "$BASE/integrations/$SOURCE/identity-links" -d "{\"identityKind\":\"EMAIL\",\"externalId\":\"web-ada@example.com\",\"personId\":\"$ADA\"}" >/dev/null
json -H "$ADMIN" -X POST "$BASE/mapping-rules" -d '{"name":"web-dev launches","priority":1,"source":"GENERIC","eventTypes":["launch"],"kind":"LAUNCH_OUTCOME","competencies":["business-acumen"]}' >/dev/null
INTEG="Authorization: Bearer $($ASCENT token integration@example.com --role integration --source "$SOURCE")"
json -H "$INTEG" -X POST "$BASE/ingest/$SOURCE/events" -d "[{\"externalId\":\"launch-$RANDOM\",\"type\":\"launch\",\"occurredAt\":\"$(date -d '-3 days' +%F)\",\"actorEmail\":\"web-ada@example.com\",\"title\":\"Launched usage-based pricing\"}]"
echo
json -H "$ADA_AUTH" -X POST "$BASE/plans" -d "{\"personId\":\"$ADA\"}" | field "['id']" || true
echo "member web-ada@example.com ($ADA), manager web-grace@example.com ($MGR), cycle $CYCLE"
