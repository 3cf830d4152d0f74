package knowledge

// synonymGroup maps the ways lifters write something to one canonical
// phrase. Matching is on whole lower-case words before stemming, longest
// phrase first, and applies to entries and questions alike, so an entry that
// says "hex bar" and a member who types "trap bar" meet in the middle.
type synonymGroup struct {
	canonical string
	variants  []string
}

// synonymGroups returns the curated vocabulary of gym slang, abbreviations,
// brand names and spelling variants. Add general lifter vocabulary here,
// never the exact words of one test question.
func synonymGroups() []synonymGroup {
	return []synonymGroup{
		// Lifts.
		{"deadlift", []string{"dl", "dls", "deads", "dead lift", "dead lifts", "deadlifts", "deadlifting", "deadlifted", "pulls", "pulling from the floor"}},
		{"romanian deadlift", []string{"rdl", "rdls", "romanians", "romanian dl", "romanian dls"}},
		{"stiffleg deadlift", []string{"sldl", "sldls", "stiff leg", "stiff legged", "stiff legs", "stiffies"}},
		{"trap bar", []string{"hex bar", "hexbar", "hex bars", "trapbar", "trap bars", "hex"}},
		{"deep squat", []string{"atg", "ass to grass", "ass2grass"}},
		{"good morning", []string{"good mornings", "goodmorning", "goodmornings"}},
		{"overhead press", []string{"ohp", "military press"}},
		{"one rep max", []string{"1rm", "pr", "prs", "max", "maxes", "maxing", "max out", "pb", "pbs"}},
		{"warm up", []string{"warmup", "warmups", "warm ups", "warming up", "ramp up", "ramping up"}},
		{"leg day", []string{"legday", "leg days"}},
		{"set", []string{"top set", "top sets", "topset", "heavy set", "heavy sets"}},
		{"return", []string{"ramp back up", "ramping back up", "build back up", "building back up", "work back up", "working back up",
			"get back to", "getting back to", "go back to", "going back to", "goes back to", "went back to", "get back into", "getting back into", "ease back into", "easing back into", "comeback"}},

		// Body and symptoms.
		{"hamstring", []string{"hammies", "hammys", "hams", "hamstrings"}},
		{"glute", []string{"glutes", "gluteal", "gluteus"}},
		{"buttock", []string{"buttocks", "butt cheek", "butt cheeks", "bum cheek", "bum cheeks", "ass cheek", "ass cheeks"}},
		{"erector", []string{"erectors", "erector spinae", "spinal erectors"}},
		{"low back", []string{"lower back", "lowerback", "lumbar", "lumbar spine", "low back", "lower lumbar"}},
		{"low back pain", []string{"lbp", "lower back pain"}},
		{"sacroiliac joint", []string{"si", "sij", "si joint", "si joints", "sacroiliac", "sacroiliac joints"}},
		{"disc", []string{"disk", "disks", "discs", "slipped disc", "slipped disk", "bulging disc", "herniated disc", "herniated disk", "disc bulge", "disc herniation"}},
		{"tailbone", []string{"tail bone", "tailbones", "tail bones", "coccyx", "coccyxes", "coccygeal"}},
		{"disc", []string{"slipped a disc", "slipped a disk", "slip a disc", "slip a disk", "slipped my disc", "slipped my disk",
			"herniated a disc", "herniated a disk", "herniate a disc", "herniate a disk", "herniated my disc", "bulged a disc", "bulged a disk",
			"popped a disc", "popped a disk", "blew a disc", "blown a disc", "ruptured a disc", "ruptured a disk"}},
		{"sciatica", []string{"sciatic", "sciatic nerve", "radiculopathy"}},
		{"butt wink", []string{"buttwink", "butt winking", "pelvic tuck", "posterior pelvic tilt", "ppt", "tailbone tucks", "tucking under"}},
		{"over arch", []string{"overarch", "overarching", "over arching", "hyperextend", "hyperextending", "hyperextension", "anterior pelvic tilt", "apt"}},
		{"hyperkyphosis", []string{"kyphosis", "kyphotic", "hunchback", "hunched", "hunching", "rounded shoulders"}},
		{"scoliosis", []string{"scoliotic", "scolio"}},
		{"deadbug", []string{"dead bug", "dead bugs", "deadbugs"}},
		{"sore", []string{"dead", "dead tired"}},
		{"spasm", []string{"spasms", "spasming", "spasmed", "seized", "seized up", "seizing up", "locked up", "locking up", "cramped up"}},
		{"tweak", []string{"tweaked", "tweaking", "tweaks", "retweaked"}},
		{"strain", []string{"strained", "pulled a muscle", "pulled muscle", "muscle pull"}},
		{"sore", []string{"cooked", "fried", "toast", "toasted", "wrecked", "smoked", "trashed", "destroyed", "smashed", "fucked", "messed up", "killing", "kills", "achy", "aching", "achey", "ache", "aches"}},
		{"tingling", []string{"tingly", "tingle", "tingles", "pins and needles"}},
		{"numb", []string{"numbness", "numbed", "no feeling"}},
		{"stiff", []string{"stiffness", "tight", "tightness", "tighten", "tightened", "tightens", "stiff as a board"}},
		{"delayed onset muscle soreness", []string{"doms", "delayed onset soreness"}},

		// Care and professionals.
		{"physical therapy", []string{"physio", "physios", "physiotherapy", "physiotherapist", "physiotherapists", "physical therapist", "physical therapists", "pt", "pts", "rehab", "rehabilitation"}},
		{"chiropractor", []string{"chiro", "chiros", "chiropractors", "chiropractic", "chiropractic adjustment", "adjustment", "adjustments", "crack my back", "cracked my back", "back cracked", "cracking"}},
		{"doctor", []string{"doc", "docs", "dr", "gp", "physician", "doctors", "family doctor", "urgent care"}},
		{"imaging", []string{"mri", "mris", "xray", "xrays", "x ray", "x rays", "scan", "scans", "scanned", "ct scan", "ct", "radiograph", "imaging"}},
		{"massage", []string{"massages", "massage gun", "theragun", "hypervolt", "percussion gun", "foam roll", "foam roller", "foam rolling", "lacrosse ball"}},
		{"decompression", []string{"decompress", "decompressing", "traction", "inversion table", "inversion", "dead hang", "dead hangs", "hanging"}},
		{"cardio", []string{"treadmill", "elliptical", "exercise bike", "stationary bike", "bike", "cycling", "stairmaster", "rower", "rowing machine"}},
		{"stretch", []string{"stretches", "stretching", "stretched", "mobility work", "yoga"}},

		// Medicines (names only; the entries never give doses).
		{"acetaminophen", []string{"tylenol", "paracetamol", "panadol", "apap"}},
		{"nsaid", []string{"nsaids", "ibuprofen", "advil", "motrin", "nurofen", "naproxen", "aleve", "diclofenac", "voltaren", "anti inflammatory", "anti inflammatories", "antiinflammatory", "antiinflammatories", "vitamin i", "aspirin", "celecoxib", "celebrex", "meloxicam"}},
		{"muscle relaxant", []string{"muscle relaxer", "muscle relaxers", "muscle relaxants", "relaxer", "relaxers", "cyclobenzaprine", "flexeril", "methocarbamol", "robaxin", "tizanidine", "baclofen"}},
		{"steroid", []string{"steroids", "prednisone", "prednisolone", "cortisone", "corticosteroid", "corticosteroids", "medrol", "dexamethasone", "steroid shot", "epidural"}},
		{"capsicum", []string{"capsaicin", "chili", "chilli", "chili pepper", "chilli pepper", "cayenne"}},
		{"painkiller medicine", []string{"painkiller", "painkillers", "pain killer", "pain killers", "pain meds", "pain medication", "pain relief", "analgesic", "analgesics"}},
		{"medicine", []string{"meds", "medication", "medications", "medicines", "drugs", "pills", "tablets"}},
		{"opioid", []string{"opioids", "tramadol", "codeine", "oxycodone", "oxy", "hydrocodone", "vicodin", "percocet"}},

		{"overdid", []string{"overdo", "overdoing", "overdone", "did too much", "do too much", "doing too much", "done too much",
			"pushed too hard", "push too hard", "went too hard", "go too hard", "too much too soon"}},
		{"bed rest", []string{"stay in bed", "staying in bed", "stayed in bed", "rest in bed", "resting in bed", "bedrest"}},
		{"see doctor", []string{"see someone", "see somebody", "see a professional", "see a doctor", "see a doc", "see the doctor", "see my doctor", "get it checked", "get checked", "get it checked out", "get it looked at"}},

		// Feelings.
		{"scared", []string{"terrified", "frightened", "fearful", "petrified", "spooked", "paranoid", "afraid"}},
		{"low mood", []string{"depressed", "depression", "feeling down", "feel down", "feeling low", "bummed", "miserable", "hopeless", "sad"}},

		// Everyday words and text-speak.
		{"ice", []string{"icing", "iced", "ice pack", "ice packs", "cold pack", "cold packs", "frozen peas"}},
		{"heat", []string{"heating pad", "heat pad", "heat pack", "heat packs", "heat wrap", "hot water bottle", "heating"}},
		{"insole", []string{"insoles", "orthotic", "orthotics", "arch support", "arch supports"}},
		{"belt", []string{"belts", "lever belt", "weight belt", "lifting belt", "belted", "beltless"}},
		{"kid", []string{"kids", "child", "children", "toddler", "toddlers", "baby", "babies", "son", "daughter"}},
		{"week", []string{"wk", "wks", "weeks"}},
		{"year", []string{"yr", "yrs", "years"}},
		{"hour", []string{"hr", "hrs", "hours"}},
	}
}
