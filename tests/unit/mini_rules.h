/*
 * mini_rules.h - a small, hand-written rule set for unit tests (not the
 * shipped rules), so expected values do not move when rules/ is tuned.
 * Tests copy MINI_FILES and swap one file to provoke loader errors.
 */
#ifndef SKILLGAP_MINI_RULES_H
#define SKILLGAP_MINI_RULES_H

#include <string.h>

#include "rules.h"

static const char mini_skills[] =
	"{\n"
	"  \"schema_version\": 1,\n"
	"  \"categories\": [{\"id\": \"core\", \"name\": \"Core\"}],\n"
	"  \"skills\": [\n"
	"    {\"id\": \"alpha\", \"name\": \"Alpha\", \"category\": \"core\",\n"
	"     \"terms\": [\"alpha skill\", \"C++\", \"C#\", \".NET\", \"510(k)\", \"de-identification\"],\n"
	"     \"effort_hours\": 10},\n"
	"    {\"id\": \"beta\", \"name\": \"Beta\", \"category\": \"core\",\n"
	"     \"patterns\": [\"\\\\bBETA\\\\b\", {\"re\": \"\\\\bB\\\\b\", \"sections\": [\"skills\"]}],\n"
	"     \"exclude\": [\"\\\\bB&B\\\\b\"], \"prerequisites\": [\"alpha\"], \"effort_hours\": 20},\n"
	"    {\"id\": \"gamma\", \"name\": \"Gamma\", \"category\": \"core\", \"terms\": [\"gamma\"], \"effort_hours\": 5},\n"
	"    {\"id\": \"delta\", \"name\": \"Delta\", \"category\": \"core\", \"terms\": [\"delta\"], \"effort_hours\": 5}\n"
	"  ]\n"
	"}\n";

static const char mini_creds[] =
	"{\"schema_version\": 1, \"credentials\": [\n"
	"  {\"id\": \"doc\", \"name\": \"Doctorate\", \"group\": \"research\", \"patterns\": [\"\\\\bPhD\\\\b\"]},\n"
	"  {\"id\": \"nurse\", \"name\": \"Nurse\", \"group\": \"clinical\", \"patterns\": [\"\\\\bRN\\\\b\"]}\n"
	"]}\n";

static const char mini_paths[] =
	"{\"schema_version\": 1, \"ready_now\": {\"min_fit\": 75, \"min_required\": 0.85},\n"
	" \"paths\": [\n"
	"  {\"id\": \"1\", \"name\": \"Tech\", \"for\": \"tech people\", \"requires_any\": [\"alpha\", \"beta\"],\n"
	"   \"unless_any\": [\"nurse\"], \"signals\": [{\"id\": \"alpha\", \"weight\": 2, \"reason\": \"alpha work\"},\n"
	"   {\"id\": \"beta\", \"weight\": 1, \"reason\": \"beta work\"}], \"steps\": [\"learn health\"]},\n"
	"  {\"id\": \"2\", \"name\": \"Clinic\", \"for\": \"clinicians\", \"requires_any\": [\"nurse\"],\n"
	"   \"signals\": [{\"id\": \"nurse\", \"weight\": 3, \"reason\": \"nursing\"}], \"steps\": [\"learn ml\"]},\n"
	"  {\"id\": \"3\", \"name\": \"Research\", \"for\": \"researchers\", \"requires_any\": [\"doc\"],\n"
	"   \"signals\": [{\"id\": \"doc\", \"weight\": 3, \"reason\": \"doctorate\"}], \"steps\": [\"publish\"]}\n"
	" ]}\n";

static const char mini_usecases[] =
	"{\"schema_version\": 1, \"use_cases\": [{\"id\": \"u\", \"name\": \"U\", \"problem\": \"p\",\n"
	"  \"solutions\": [\"s\"], \"companies\": [\"Acme\"], \"skills\": [\"alpha\"]}],\n"
	" \"employers\": [{\"name\": \"Acme\", \"group\": \"Startups\", \"focus\": \"things\"}]}\n";

static const char mini_role[] =
	"{\"schema_version\": 1, \"id\": \"engineer\", \"title\": \"Engineer\",\n"
	" \"salary\": {\"min\": 100000, \"max\": 200000, \"currency\": \"USD\"},\n"
	" \"does\": [\"build\"],\n"
	" \"skills\": [\n"
	"   {\"skill\": \"alpha\", \"level\": \"required\", \"weight\": 3},\n"
	"   {\"skill\": \"beta\", \"level\": \"required\", \"weight\": 2},\n"
	"   {\"skill\": \"gamma\", \"level\": \"preferred\", \"weight\": 1},\n"
	"   {\"any_of\": [\"delta\", \"doc\"], \"name\": \"Delta or doctorate\", \"level\": \"preferred\", \"weight\": 1}\n"
	" ]}\n";

#define MINI_NFILES 5

static void mini_files(struct rules_file *f)
{
	f[0].path = "skills.json"; f[0].data = mini_skills; f[0].len = strlen(mini_skills);
	f[1].path = "credentials.json"; f[1].data = mini_creds; f[1].len = strlen(mini_creds);
	f[2].path = "paths.json"; f[2].data = mini_paths; f[2].len = strlen(mini_paths);
	f[3].path = "usecases.json"; f[3].data = mini_usecases; f[3].len = strlen(mini_usecases);
	f[4].path = "roles/engineer.json"; f[4].data = mini_role; f[4].len = strlen(mini_role);
}

#endif
