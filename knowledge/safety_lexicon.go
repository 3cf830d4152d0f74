package knowledge

// concept is one idea the safety layer looks for in a question, such as
// "numbness" or "the saddle area". Rules in safety.go combine concepts.
type concept int

const (
	conceptNumb concept = iota
	conceptSaddle
	conceptButt
	conceptOneSide
	conceptSitting
	conceptBladderBowel
	conceptSexual
	conceptSex
	conceptBothLegs
	conceptLegs
	conceptLegPart
	conceptWeak
	conceptGivingWay
	conceptWorsening
	conceptFootDrop
	conceptTrauma
	conceptCancer
	numConcepts
)

// conceptPatterns returns the phrase patterns (syntax in phrase.go) that
// express each concept, written as lifters write: slang, text-speak without
// apostrophes ("cant", "dont"), and plain words.
func conceptPatterns() [numConcepts][]string {
	return [numConcepts][]string{
		conceptNumb: {
			"numb|numbness|numbed|numbish|numbing|numbly",
			"no|lost|lose|losing|loss|lack|reduced|altered|less|zero ...1 feeling|sensation",
			"cant|cannot|couldnt|barely|hardly ... feel|feeling",
			"pins and needles", "tingl*",
			"feel|feels|felt|feeling|went|gone|go|goes|going|gotten ... dead",
			"feel|feels|felt|feeling ...1 weird|different|strange|odd|off",
		},
		conceptSaddle: {
			"groin|groins|saddle|crotch|taint|perineum|perineal|anus|anal|penis|dick|vagina|vulva|labia|scrotum|nethers",
			"genital*", "testic*", "balls|nuts|ballsack|nutsack",
			"privates", "private parts|area|areas|bits|region",
			"inner thigh|thighs", "back passage", "bum|butt hole", "butthole|arsehole|asshole",
			"down there", "between my|the|both legs", "nether regions|region", "pelvic floor",
			"wipe|wiping|wiped", "toilet paper",
		},
		conceptButt: {
			"butt|bum|buttock|buttocks|bottom|ass|arse|cheeks",
		},
		conceptOneSide: {
			"one|1|single ... side|leg|cheek|buttock|foot",
			"left|right", "only one",
		},
		conceptSitting: {
			"sitting|sat|sit|sits|toilet|loo|chair|seat|bike|cycling|cycle|spin|driving|drive|commute",
		},
		conceptBladderBowel: {
			"incontinen*", "incontinence|incontinent",
			"peed|pissed|wet|pooped|pooed|shat|shit|soiled|crapped myself|meself",
			"peed|pissed|wet|pooped|pooed|shat|shit|soiled|crapped ... pants|underwear|shorts|bed",
			"leak|leaks|leaking|leaked|leakage|dribble|dribbling|dribbled ... pee|urine|wee|piss|poo|poop|stool",
			"pee|urine|wee|piss ... leak|leaks|leaking|leaked|leakage|dribbles|dribbling",
			"cant|cannot|couldnt|unable|trouble|difficulty|hard|struggling|struggle|hardly|barely ...2 pee|peeing|piss|pissing|urinate|urinating|wee|weeing",
			"cant|cannot|couldnt|dont|didnt|unable ... tell|feel|notice|know|sense ... need|needed|urge ... go|pee|wee|poo|poop|toilet|bathroom",
			"cant|cannot|couldnt|didnt|dont|unable ... feel|feeling ... pee|peeing|urine|wee|poo|poop|pooing|pooping|bowel|bowels|bladder|stool",
			"poo|poop|bowel|bowels|bladder|toilet|bathroom|pee|wee|shit accident|accidents",
			"bladder|bowel|bowels ... problem|problems|issue|issues|trouble|changes|change|dysfunction|leak|leaking|retention|weird|numb|full|accident",
			"lost|lose|losing|loss|no|poor ... control ... bladder|bowel|bowels|pee|poo|poop|peeing|toilet",
			"nothing comes|came|coming out",
			"urinary|urine retention", "retain|retaining urine",
			"change|changes ... bladder|bowel|bowels|peeing|pooping|toilet",
		},
		conceptSexual: {
			"cant|cannot|couldnt|unable|trouble|struggling|struggle|difficulty ... get|keep|getting|keeping it up",
			"cant|cannot|couldnt|unable|trouble|struggling|struggle|difficulty ... get|keep|stay|maintain|getting|keeping hard|erect|erection|erections",
			"erectile*", "impoten*",
			"erection|erections problem|problems|issue|issues|trouble",
			"no|lost ... erection|erections",
			"sexual dysfunction|problems|problem|issues|issue",
			"cant|cannot|couldnt|unable ... orgasm|climax|ejaculate|cum",
		},
		conceptSex: {
			"sex|intercourse|orgasm|orgasms|erection|erections|ejaculat*",
		},
		conceptBothLegs: {
			"both ... legs|leg|feet|thighs|calves|sides",
			"two|2 legs",
		},
		conceptLegs: {
			"legs|feet|thighs|calves",
		},
		conceptLegPart: {
			"leg|legs|foot|feet|thigh|thighs|calf|calves|ankle|ankles|knee|knees|toes",
		},
		conceptWeak: {
			"weak|weakness|weaker|weakened|weakening",
			"no|lost|losing|zero strength",
		},
		conceptGivingWay: {
			"giving|gives|gave|give way|out",
			"buckle|buckled|buckles|buckling|collapse|collapsed|collapses|collapsing",
			"wont|wouldnt|cant|cannot ... hold me|support me",
		},
		conceptWorsening: {
			"worse|worsening|worsened|rapidly|quickly|fast|spreading|progressing|progressive",
			"by the hour|day|minute", "more and more", "getting weaker",
		},
		conceptFootDrop: {
			"foot|feet ...2 drop|drops|drag|drags|dragging|slapping|slaps|flopping|flops",
			"drop foot", "drags|dragging ... foot|feet|leg",
			"tripping|trip|trips ... over my ... toes|foot|feet",
			"cant|cannot|couldnt ... lift|raise|move ... foot|feet|toes|legs|leg",
			"paralys*", "paralyz*", "paraly*",
		},
		conceptTrauma: {
			"car|motorcycle|motorbike|bike|traffic|road|auto|vehicle|skiing|snowboarding|horse|riding|work|workplace accident|crash|wreck|collision",
			"crashed ... car|bike|motorbike|motorcycle",
			"hit by ... car|truck|bus|vehicle|van",
			"rear ended",
			"dropped|drop|dropping ... bar|barbell|weight|weights|plate|plates|dumbbell|dumbbells|kettlebell ... on me|myself",
			"dropped|drop|dropping ... bar|barbell|weight|weights|plate|plates|dumbbell|dumbbells|kettlebell ... on my|the ...2 " + bodyParts,
			"bar|barbell|weight|weights|plate|plates|dumbbell|kettlebell|rack|safeties ... fell|landed|dropped|crashed|slipped|rolled|came ... on|onto me|myself",
			"bar|barbell|weight|weights|plate|plates|dumbbell|kettlebell|rack|safeties ... fell|landed|dropped|crashed|slipped|rolled|came ... on|onto my|the ...2 " + bodyParts,
			"fell", "falling|fall off|backwards|backward|down|from",
			"had|have a fall",
			"fell|fall|landed|land|landing ... on my|the ...2 " + bodyParts,
			"bad|hard|big|nasty|serious|heavy|huge fall|crash|accident",
			"pinned|crushed|trapped ... under|by ... bar|barbell|weight|weights",
			"got pinned|crushed",
		},
		conceptCancer: {
			"cancer*", "tumor*", "tumour*", "chemo*", "oncolog*", "metasta*",
			"radiotherapy|lymphoma|leukemia|leukaemia|myeloma|melanoma|sarcoma|carcinoma",
			"radiation therapy|treatment",
		},
	}
}

// bodyParts is the pattern step for the parts of the body a falling bar or
// a fall can injure.
const bodyParts = "back|butt|tailbone|coccyx|ass|arse|bum|spine|neck|head|chest|hip|hips|lower|body|face|ribs"

// exclusionPatterns returns phrases that only look like a warning sign:
// their words are blanked out before the concepts are matched.
func exclusionPatterns() []string {
	return []string{
		"fell|fall|falls|falling asleep",
		"fall|falls|falling forward|forwards|in|inward|inwards|apart|behind|short|back",
		"fell forward|forwards|apart|behind|short|through|for",
		"pain|it|score|rating|number ...2 fell|dropped|dropping|drops|went",
		"myself some slack",
		"dead easy|simple|set|tired|bug|bugs|hang|hangs|hanging|lift|lifts|lifting|weight|stop|stops",
		"no idea",
		"wake|woke|waking up ...1 with|so|stiff|stiffer|sore|sorer|achy|aching|locked|every|at",
		"ball|balls of ...2 foot|feet",
	}
}

// selfHarmVerbs is the pattern step for ways of harming oneself; alone,
// "hurt myself" is how lifters describe an injury, so the patterns that use
// it also need intent.
const selfHarmVerbs = "hurt|hurting|harm|harming|harmed|cut|cutting|burn|burning|burned|burnt|injure|injuring|injured|hit|hitting|punish|punishing|punished|starve|starving|starved"

// crisisPatterns returns the phrases that mean a member may be thinking
// about suicide or self-harm. They are deliberately broad: a crisis card
// shown by mistake costs a moment, one missed costs far more.
func crisisPatterns() []string {
	return []string{
		"suicid*", "sucid*", "kms", "unaliv*",
		"kill|killing|killed|unalive ... myself|meself",
		"end|ending|ended my life|self",
		"end|ending it all",
		"thinking|thought|thoughts|think|want|wanna|wanted|ready|plan|planning|considering|about|of ... end|ending it",
		"take|taking ... my own life",
		"take|taking my life",
		"want|wanna|wish|wishing|ready|rather ... die",
		"rather be dead", "better off dead", "better off without me",
		"wish|want ... was|were|be dead",
		"better off if ... gone|dead|wasnt|werent|didnt|died",
		"dont|never|not want|wanna ... here|alive|live|living|exist|existing|around|wake",
		"wish|wishes|wishing|wished|hope|hoping|hoped|pray|praying ... wouldnt|wont|didnt|dont|never|not|couldnt ...2 wake|woke|waking",
		"sleep|sleeping ...2 never|not ...1 wake|waking",
		"reason|point ... live|living|life|alive",
		"nothing|nobody ... live for",
		"not worth living", "life|living isnt|aint|not worth",
		"give|giving|gave up on life|living",
		"tired|sick of living|life", "done with life|living",
		"self harm|harming|harmed|injury|injure|injuring|destruct",
		"selfharm*",
		"harm|harming ... myself",
		"cut|cutting|burn|burning myself",
		"want|wanna|wanted|urge|urges|tempted|thoughts|thinking ... hurt|hurting|harm|harming|cut|cutting ... myself",
		// Harm done on purpose, told as a fact rather than a wish.
		selfHarmVerbs + " myself|meself ...2 on purpose",
		selfHarmVerbs + " myself|meself ...2 deliberately|intentionally|purposely|purposefully",
		"deliberately|intentionally|purposely|purposefully|purposfully ...2 " + selfHarmVerbs + " myself|meself",
		"overdose|overdosing|od",
		"take|taking|swallow|swallowing ... all|whole|every ... pills|tablets|meds|bottle|them|pill",
		"take|taking|swallow|swallowing them all",
		"pills|tablets|meds ... saved|stockpiled|stockpiling|hoarded|hoarding|saving|stashed",
		"no way out",
		"disappear forever",
		"hang|hanging myself",
		"jump|jumping ... off ... bridge|building|roof|cliff",
	}
}

// negators are words that deny the symptom right after them ("no numbness",
// "not numb", "without any tingling").
func negators() []string {
	return []string{"no", "not", "never", "without", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
		"werent", "havent", "hasnt", "hadnt", "nor", "zero", "none", "nothing"}
}

// hedges are words after a negator that turn it into uncertainty instead of
// denial ("not sure", "don't know"), which must never hide a symptom.
func hedges() []string {
	return []string{"sure", "know", "think", "understand", "care", "normal", "usual", "right", "certain", "clear", "idea"}
}

// negationStops end the reach of a negator: "no pain but my groin is numb".
func negationStops() []string {
	return []string{"but", "though", "although", "however", "yet", "except", "now", "since", "until", "then", "and", "because", "cause", "cuz"}
}
