package knowledge

import "strings"

// expansion adds canonical words when a looser phrase pattern (syntax in
// phrase.go) matches: "numbness down the back of my leg" and "pain
// shooting into my calf" both add "radiating". Synonyms handle fixed
// phrases; expansions handle the ones with words in between.
type expansion struct {
	pattern string
	add     string
}

// expansionRules returns the ranker's phrase expansions, general lifter
// wording only.
func expansionRules() []expansion {
	return []expansion{
		{"pain|numb|numbness|tingling|tingly|ache|aching|burning|shooting|spreading|radiating|travels|travelling|goes|going|runs|running ...3 down|into|through ...5 leg|legs|calf|calves|thigh|thighs|foot|feet|toes|knee|buttock|glute", "radiating"},
		{"feel|feeling|feels|felt|been ...2 down|low|depressed|sad|hopeless|miserable|flat|crap|shit", "low mood"},
		{"keep|keeping|stay|staying ...1 moving|active|going", "stay active"},
		{"see|seeing|visit|visiting|go|book ...3 someone|somebody|professional|doctor|doc|gp|specialist", "see doctor"},
		{"get|getting|have|having|need|needs ...3 looked at|over", "see doctor"},
		{"get|getting|have|having|need|needs ...3 checked|checking|examined|assessed", "see doctor"},
		{"how many|much ...1 weeks|days|months|time", "how long"},
		{"stop|stopping|quit|quitting|pause|skip|skipping|take|taking ...2 training|lifting|gym|deadlifting|squatting|off|break", "rest"},
		{"something ...2 bad|serious|wrong|dangerous|worse", "serious"},
		{"which|what|any|the ...2 symptoms|signs", "warning signs"},
		{"the list", "warning signs"},
		{"go|going|head|heading|get|straight ...2 to ...1 er|e|hospital|emergency", "emergency"},
		{"get|getting|need|needs|worth|book|booking ...3 mri|mris|xray|xrays|x|scan|scanned|imaging|ct", "imaging"},
		{"do|use|try|swap|sub|replace|switch ...3 instead|alternative|alternatives", "alternative"},
		{"pain|hurt|hurts|hurting|sore|ache|aching|problem|problems|issues|bad ...6 for ...2 years|months|yrs|ages", "chronic"},
		{"more than ...3 tweak|strain|niggle|soreness|sore|ache|pull", "serious"},
		{"not just|only|simply|merely ...3 tweak|strain|niggle|soreness|sore|ache|pull|doms", "serious"},
		{"build|building|ramp|ramping|work|working|bring|bringing ...4 back up", "return"},
		{"bottom|base|tip|end ...2 of ...2 spine|spinal", "tailbone"},
		{"blow|blew|blown|throw|threw|thrown|put|putting|popped ...2 back out", "tweak"},
		{"blow|blew|blown|throw|threw|thrown|put ... out my|his|her back", "tweak"},
		{"back went|gave|goes|go|going out", "tweak"},
	}
}

// expander applies the expansion rules.
type expander struct {
	rules *phraseSet // labelled by rule
	words [][]string // rule -> words it adds
}

func newExpander() *expander {
	rules := expansionRules()
	groups := make([][]string, len(rules))
	x := &expander{words: make([][]string, len(rules))}
	for i, r := range rules {
		groups[i] = []string{r.pattern}
		x.words[i] = strings.Fields(r.add)
	}
	x.rules = compileGroups(groups)
	return x
}

// expand appends to dst the words of every rule that matches toks, once
// per rule.
func (x *expander) expand(dst, toks []string) []string {
	var done []bool
	x.rules.find(toks, func(rule, _, _ int) {
		if done == nil {
			done = make([]bool, len(x.words))
		}
		if !done[rule] {
			done[rule] = true
			dst = append(dst, x.words[rule]...)
		}
	})
	return dst
}
