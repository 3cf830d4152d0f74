package knowledge

// concept is one idea the safety layer looks for in a question, such as
// "numbness" or "the saddle area". Rules in safety.go combine concepts.
type concept int

const (
	conceptNumb concept = iota
	conceptTingling
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
	conceptRoadCrash
	conceptLongStanding
	conceptTheirPain
	conceptCancer
	conceptNervePain
	conceptDarkUrine
	conceptBloodUrine
	conceptMuscleSwelling
	conceptTearing
	conceptSudden
	conceptSevere
	conceptBelly
	conceptFaint
	conceptColdSweat
	conceptChest
	conceptBreathless
	conceptShoulderBlades
	conceptAtRest
	conceptFever
	conceptNightSweats
	conceptInfection
	conceptInjecting
	conceptImmune
	conceptBoneThin
	conceptWeightLoss
	conceptUnexplained
	conceptNightPain
	conceptSpinalProcedure
	conceptLongAgo
	conceptLeakage
	conceptNewOnset
	conceptVeryUnwell
	conceptLiftCause
	conceptFatigue
	conceptLegFails
	conceptRecent
	conceptPain
	conceptPainWorse
	conceptHabitual
	conceptCaught
	conceptNoHarm
	conceptResolved
	conceptOneLegPart
	conceptSelfHarmAct
	conceptCoping
	conceptEndlessFuture
	conceptNoBetter
	conceptNotWaiting
	conceptFarewellPast
	conceptGoodbye
	conceptHotRoom
	conceptLongSit
	conceptFamilyIllness
	conceptTearInside
	conceptRefusal
	conceptDone
	conceptEverything
	conceptPulsingBelly
	conceptThroughToBack
	conceptTightGear
	numConcepts
)

// conceptPatterns returns the phrase patterns (syntax in phrase.go) that
// express each concept, written as lifters write: slang, text-speak without
// apostrophes ("cant", "dont"), and plain words.
func conceptPatterns() [numConcepts][]string {
	return [numConcepts][]string{
		conceptNumb: {
			"numb|numbness|numbed|numbish|numbing|numbly",
			"anesthesia|anaesthesia|anesthetic|anaesthetic|anesthetised|anaesthetised|anesthetized", "i ...1 no ...1 feel",
			"no|lost|lose|losing|loss|lack|reduced|altered|less|zero ...1 feeling|sensation",
			"cant|cannot|couldnt|barely|hardly ... feel|feeling|felt",
			"feel|feels|felt|feeling|went|gone|go|goes|going|gotten ... dead",
			"dead|deadness ...1 feeling|feel|sensation",
			"feels|feel|feeling|felt|like|gone|went|goes|keeps|fallen|falling|falls|fall ...3 asleep",
			"sit|sitting|sat on nothing|air", "feel|feels|felt|feeling ...1 nothing",
			"thick ...1 glove|gloves|mitten|layer", "cardboard|leather|plastic", "feels|feel|feeling ...2 dull|duller",
			"rubbery|rubber|wooden|muted|dulled|novocaine|anaesthetic|anesthetic|anaesthetised|anesthetized|dentist|clingfilm|cellophane",
			"someone|somebody ...1 elses", "wrapped ...1 in ...2 clingfilm|plastic|cotton|film|cellophane|tape",
			"nothing|not|doesnt|didnt ...3 feel|feels|felt ...1 right|normal|same",
			"feel|feels|felt|feeling ...1 weird|different|strange|odd|off",
		},
		conceptTingling: {
			"pins ...1 needles", "tingl*", "prickling|prickly|buzzing|fizzing",
		},
		conceptSaddle: {
			"groin|groins|saddle|crotch|taint|perineum|perineal|anus|anal|penis|dick|vagina|vulva|labia|scrotum|nethers",
			"genital*", "testic*", "balls|nuts|ballsack|nutsack",
			"privates", "private part|parts|area|areas|bits|region",
			"inner thigh|thighs", "back passage", "sit|sitting|sat on nothing|air", "my bits", "gooch|undercarriage|downstairs|backside|tampon|tampons", "down below",
			"cushion ...2 air",
			"sit|sitting|sat on nothing|air", "bum|butt hole", "butthole|arsehole|asshole",
			"down there", "between my|the|both legs", "nether regions|region", "pelvic floor",
			"wipe|wiping|wiped", "toilet paper",
			"my junk|package|willy|willie|cock|twig",
			"inside|insides ...2 of ...1 my|the|both ...1 thigh|thighs",
			"bit|bits|part|parts|area ...2 i|you ...1 sit ...1 on",
			"feel ...4 touching|touches|touch|contact ...2 seat|saddle|chair|toilet",
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
			"pooped|pooed|shat|shit|soiled|crapped|messed|sharted myself|meself|pants|underwear|shorts|bed",
			"pee|peeing|wee|weeing|wet|wetting|leak|leaking ...3 without ...2 realising|realizing|noticing|knowing|feeling",
			"pooped|pooed|shat|shit|soiled|crapped|messed ... pants|underwear|shorts|bed",
			// "Shitting myself" is also fear; told with no control, or as
			// literal, it is not.
			"shitting|pooping|pooing|crapping|wetting|pissing|peeing myself|meself ...8 cant|cannot|couldnt|unable ...2 hold|control|stop",
			"actually|literally|physically ...2 shitting|pooping|pooing|crapping|wetting|pissing|peeing myself|meself",
			"pee|peeing|wee|weeing|urinate|urinating|piss|pissing ...4 cant|cannot|couldnt|dont|didnt ...1 feel|sense ...3 it|anything|flow|stream|coming",
			"leak|leaks|leaking|leaked|dribble|dribbling|dribbled ... poo|poop|stool|stools|faeces|feces",
			"leaked|leaking|peed|pissed|wet|pooped|soiled ...5 without|didnt|not|never ...2 noticing|notice|noticed|feeling|feel|realising|realizing|knowing|know",
			"didnt|couldnt|wont|not make it ...2 toilet|bathroom|loo",
			"havent|hasnt|not|didnt|barely|hardly ...3 peed|pissed|urinated|weed|pee|piss|wee|peeing|pissing|weeing",
			"hours|hrs|hr|day ...2 no|without ...1 pee|wee|piss|peeing|urine|weeing", "no|without ...1 pee|wee|peeing|urine ...4 hours|hrs|hr|since|day",
			"trouble|hard|cant|struggle|struggling|difficulty ...4 start|starting|get|getting|going ...2 stream|flow|pee|going",
			"weak|slow|trickle|trickling stream|flow",
			"tiny|little|only|just|small|barely ...2 trickle|dribble|drops|drop",
			"wont|cant|doesnt|wouldnt|couldnt|not ...2 start|starting|come|coming|flow ...3 pee|wee|stream|toilet|urinal|loo",
			"pee|wee|stream|toilet|urinal|loo ...6 wont|cant|doesnt|wouldnt|couldnt ...2 start|come|flow|go",
			"wet|wetting|wetted ...2 bed|sheets|sheet|mattress",
			"didnt|dont|couldnt|not|without ...3 notice|feel|realise|realize|knowing ...4 wet|peed|pissed|pooped|leaked|leaking|going|happening",
			"cant|cannot|couldnt|unable ...2 control ...5 bladder|bowel|bowels|pee|poo|poop|peeing|pooping|toilet|go|going|it",
			"bladder|bowel|bowels ...2 control",
			"cant|cannot|couldnt|unable|trouble|difficulty|hard|struggling|struggle|hardly|barely ...2 pee|peeing|piss|pissing|urinate|urinating|wee|weeing",
			"cant|cannot|couldnt|dont|didnt|unable ... tell|feel|notice|know|sense|get|have ... need|needed|urge ... go|pee|wee|poo|poop|toilet|bathroom|number",
			"accident|accidents ...6 number|poo|poop|bowel", "didnt|dont|never ...1 know|notice|feel ...2 til|till|until",
			"cant|cannot|couldnt|didnt|dont|unable ... feel|feeling ...5 pee|peeing|urine|wee|poo|poop|pooing|pooping|bowel|bowels|bladder|stool|toilet|bathroom",
			"poo|poop|bowel|bowels|bladder|toilet|bathroom|pee|wee|shit accident|accidents",
			"bladder|bowel|bowels ... problem|problems|issue|issues|trouble|changes|change|dysfunction|leak|leaking|retention|weird|numb|full|accident",
			"lost|lose|losing|loss|no|poor ... control ... bladder|bowel|bowels|pee|poo|poop|peeing|toilet",
			"nothing ...2 comes|came|coming|come|happens|happened ...1 out|when",
			"toilet|loo|urinal ...6 ages|forever|minutes ...3 before", "not|nothing|very ...1 much|little ...3 comes|come|coming", "cant tell ...2 when ...2 done|finished|empty",
			"hours|hrs|day ...3 since ...3 i ...1 last ...1 peed|weed|went|urinated|pissed",
			"sheets|bed|mattress ...3 wet|soaked|damp",
			"stream|flow ...3 stops|starts|stopping|starting|interrupted", "stops|stop|stopped ...1 halfway|midway|mid",
			"push|pushing|strain|straining ...4 start|get|going ...2 peeing|pee|wee|weeing|stream|anything|it ...1 out",
			"havent|hasnt|not ...3 been|gone|went ...2 to ...1 the ...1 loo|toilet|bathroom ...6 since|day|hours|hrs|morning|breakfast|lunch|yesterday|night",
			"not|havent|hasnt|never|barely|hardly|no ...2 passed ...1 water|urine|any",
			"cant|cannot|couldnt ...2 hold ...2 it ...1 in",
			"cant|cannot|couldnt ...2 hold|retain ...3 pee|wee|poo|poop|bowels|bladder|stool",
			"only|barely|hardly|just ...3 peed|pissed|weed|urinated|passed|pee|wee ...3 once|twice|tiny|little|drop|drops|any|urine",
			"strain|straining|strained|push|pushing ...5 pee|wee|stream|flow", "takes|took ...1 forever|ages ...3 start|going|come",
			"cant|cannot|couldnt|not ...3 empty|emptying ...2 fully|properly|completely|bladder|all",
			"still need|needing ...2 to ...1 go|pee|wee ...3 after|straight|right|again",
			"cant|cannot|couldnt ...2 stop|hold ...3 stream|flow|pee|wee",
			"without ...2 peeing|pee|weeing|urinating|wee",
			"accident|accidents ...3 pants|underwear|shorts|myself|toilet|bathroom|bed|trousers",
			"urinary|urine retention", "retain|retaining urine",
			"change|changes ... bladder|bowel|bowels|peeing|pooping|toilet",
		},
		conceptSexual: {
			"cant|cannot|couldnt|unable|trouble|struggling|struggle|difficulty ... get|keep|getting|keeping it up",
			"cant|cannot|couldnt|unable|trouble|struggling|struggle|difficulty ... get|keep|stay|maintain|getting|keeping hard|erect|erection|erections",
			"erectile*", "impoten*",
			"cant|cannot|couldnt ...2 finish|climax|orgasm|cum ...3 bed|sex|gf|wife|partner|girlfriend|husband",
			"dont|doesnt|didnt|wont|not ...2 work|working|function|functioning ...2 downstairs|below|there|properly",
			"erection|erections problem|problems|issue|issues|trouble",
			"no|lost ... erection|erections",
			"sexual dysfunction|problems|problem|issues|issue",
			"cant|cannot|couldnt|unable ... orgasm|climax|ejaculate|cum",
		},
		conceptSex: {
			"sex|intercourse|orgasm|orgasms|erection|erections|ejaculat*|climax|climaxing|cum|cumming", "in bed",
			"finishing|finish ...3 feels|felt|feel|sensation|nothing",
			"with|w my|the ...1 gf|girlfriend|boyfriend|bf|wife|husband|partner|missus|misses",
		},
		conceptBothLegs: {
			"both ... legs|leg|feet|thighs|calves|sides|hamstrings|hamstring|hammies|hammys|quads|shins|knees|ankles|soles|glutes", "legs|feet ...1 both", "down|into ...5 both",
			"two|2 legs",
		},
		conceptLegs: {
			"legs|feet|thighs|calves",
		},
		conceptLegPart: {
			"leg|legs|foot|feet|thigh|thighs|calf|calves|ankle|ankles|knee|knees|toes|toe|shin|shins|hamstring|hamstrings|quad|quads|sole|soles",
		},
		conceptWeak: {
			"weak|weakness|weaker|weakened|weakening|heaviness", "feel|feels|feeling|felt|are|is|r|go|went|gone|getting ...2 heavy",
			"no|lost|losing|zero strength",
		},
		conceptGivingWay: {
			"giving|gives|gave|give way|out",
			"buckle|buckled|buckles|buckling|collapse|collapsed|collapses|collapsing",
			"wont|wouldnt|cant|cannot ... hold me|support me",
		},
		conceptLegFails: {
			"wont|wouldnt|cant|cannot|couldnt|didnt ...2 hold|support|push|carry|take ...2 me|up", "wont|wouldnt|cant|cannot|couldnt|didnt ...2 hold|support|carry|take ...2 my ...1 weight",
		},
		conceptWorsening: {
			"worse|worsening|worsened|rapidly|quickly|fast|spreading|progressing|progressive",
			"by the hour|day|minute", "more and more", "getting weaker",
			"was ...1 just|only ...6 now", "first ...6 then ...8 now", "this morning ...8 now ...3 up|spread|reached|whole", "by ...1 this|the ...1 evening|afternoon|night|tonight",
		},
		conceptFootDrop: {
			"foot|feet ...2 drop|drops|drag|drags|dragging|slapping|slaps|flopping|flops",
			"drop foot", "drags|dragging ... foot|feet|leg",
			"dragging|drag ...1 it", "foot|feet|toes ...2 wont|doesnt|cant|wouldnt|isnt ...1 lift|lifting|raise|come|go",
			"barely|hardly|cant|cannot ...2 get|lift ...2 my ...1 foot|toes ...1 up",
			"tripping|trip|trips ... over my ... toes|foot|feet",
			"cant|cannot|couldnt|barely|hardly ... lift|raise|move|pull|point|flex|bend ...6 foot|feet|toes|legs|leg|it",
			"toes|toe|foot|feet ...2 drag|drags|dragging|catch|catching|scuff|scuffs|scuffing",
			"cant|cannot|couldnt ...4 on ...2 heels|heel|toes|tiptoes|tiptoe",
			"paralys*", "paralyz*", "paraly*",
		},
		// Road crashes are conceptRoadCrash.
		conceptTrauma: {
			"bike|skiing|snowboarding|horse|riding|work|workplace accident|crash|wreck|collision",
			"crashed ... bike",
			"dropped|drop|dropping ... bar|barbell|weight|weights|plate|plates|dumbbell|dumbbells|dumbell|dumbells|kettlebell ... on me|myself",
			"dropped|drop|dropping ... bar|barbell|weight|weights|plate|plates|dumbbell|dumbbells|kettlebell ... on my|the ...2 " + bodyParts,
			"bar|barbell|weight|weights|plate|plates|dumbbell|kettlebell|rack|safeties ... fell|landed|dropped|crashed|slipped|rolled|came ... on|onto me|myself",
			"bar|barbell|weight|weights|plate|plates|dumbbell|kettlebell|rack|safeties ... fell|landed|dropped|crashed|slipped|rolled|came ... on|onto my|the ...2 " + bodyParts,
			"fell", "falling|fall off|backwards|backward|down|from",
			"had|have a fall",
			"came|come|fell|thrown|flew ...1 off ...2 motorbike|bike|motorcycle|horse|scooter|ladder|roof|bmx|skateboard|board|quad|atv",
			"smashed|slammed|crashed|landed|smacked|bashed|whacked|struck|crushed|dropped ...2 into|onto|on|across ...2 my|the|his|her ...2 " + bodyParts,
			"fell|landed|dropped|crashed|slipped|rolled|came|smashed|slammed ...6 onto|into|across ...2 my|his|her ...2 " + bodyParts,
			"came|come|coming ...1 down ...3 on|onto|across|into ...2 my|the ...2 " + bodyParts,
			"folded|flattened|buried ...1 me",
			"went|go|going ...1 down|over ...6 with ...4 on ...1 my ...1 back|shoulders|chest",
			"slipped|fell|tripped ...6 with ...4 on ...1 my ...1 back|shoulders|chest",
			"fell|fall|landed|land|landing ... on my|the ...2 " + bodyParts,
			"bad|hard|big|nasty|serious|heavy|huge fall|crash|accident",
			"pinned|crushed|trapped ... under|by ... bar|barbell|weight|weights",
			"got pinned|crushed", "pinned|crushed|trapped|squashed ...1 me",
		},
		// A road crash is a serious accident even when the member calls
		// themselves "ok-ish": pain after it is enough.
		conceptRoadCrash: {
			"car|motorcycle|motorbike|traffic|road|auto|vehicle accident|crash|wreck|collision",
			"crashed ... car|motorbike|motorcycle",
			"hit by ... car|truck|bus|vehicle|van",
			"rear ended",
			"rolled|flipped|totalled|totaled|wrecked|crashed ...2 car|truck|van|motorbike|motorcycle|quad|atv|ute",
			"came|come|fell|thrown|flew|flung ...1 off ...3 motorbike|motorcycle|scooter|quad|atv|dirtbike",
			"t boned|bone", "tboned|sideswiped", "knocked ...1 off ...3 bike|motorbike|scooter", "run|ran over",
		},
		// Pain someone has had for a long time.
		conceptLongStanding: {
			"for|over ...2 years|yrs|decades|ages|months", "on and off", "years|yrs|decades ...1 now",
		},
		// Someone else's back hurting now: the member is asking for them.
		conceptTheirPain: {
			"her|his|their ...1 back|spine ...4 hurts|hurting|pain|sore|killing|agony|bad", "she|he|shes|hes|they ...4 pain|hurts|hurting|sore|agony",
			"it ...1 hurts ...4 when ...1 she|he|they",
		},
		conceptCancer: {
			"cancer*", "tumor*", "tumour*", "chemo*", "oncolog*", "metasta*",
			"radiotherapy|lymphoma|leukemia|leukaemia|myeloma|melanoma|sarcoma|carcinoma",
			"radiation therapy|treatment", "remission",
			"prostate|breast|lung|bowel|colon|kidney|thyroid|skin|bone|pancreatic|ovarian ca",
		},
		conceptNervePain: {
			"sciatica|sciatic|radiating|radiates|shooting|shoots|electric|electrical|zapping|zaps|zingers",
			"nerve|nervy pain|pains|zaps|burning",
			"burning|shooting|stabbing ...2 down|into",
		},
		conceptDarkUrine: {
			"dark|darker|brown|brownish|cola|coke|coca|tea|black|blackish|rust|rusty|maroon|coffee ...3 " + urineWords,
			urineWords + " ...6 dark|darker|brown|brownish|cola|coke|tea|black|rust|rusty|maroon|coffee|bovril|guinness|whiskey|whisky|prune|soy|toyo|marmite|brandy|rum|port",
			"peeing|pissing|weeing coke|cola|tea|coffee",
			"tea|cola|coke|coffee|rust|brown ...1 coloured|colored|colour|color",
			"colour|color|coloured|colored ...1 of ...2 coca|cola|coke|tea|coffee|rust|guinness|bovril|marmite",
		},
		conceptBloodUrine: {
			"blood|bloody|red|reddish|pink|pinkish|rose|rosé ...3 " + urineWords,
			"blood|bloody|red|reddish|pink|pinkish ...4 toilet|bowl|urinal|loo", "blood ...2 in ...2 water",
			urineWords + " ...4 blood|bloody|red|reddish|pink|pinkish|rose|rosé|wine",
			"peeing|pissing|weeing blood",
			"haematuria|hematuria",
		},
		conceptMuscleSwelling: {
			"swollen|swelling|swelled|puffy|puffed|ballooned|rigid", "rock hard", "hard as ...2 rock|rocks|brick|bricks|stone|wood",
			"cant|cannot|couldnt ... straighten|bend ... arms|arm|legs|leg|elbows|knees|them",
			"so|too|really|super ...1 sore|stiff ...4 cant|cannot|couldnt",
			"worst|insane|crazy|extreme|extremely|unreal|brutal|never ... doms|sore",
			"rhabdo*",
		},
		conceptTearing: {
			"tearing|ripping|rips|tears ... pain|sensation|feeling",
			"pain|feels|felt|feeling|like ...3 tearing|ripping|ripped|torn|tore ... apart|open|through|in half",
			"tearing|ripping ... through|into|across ... back|belly|stomach|chest|abdomen",
		},
		conceptSudden: {
			"sudden|suddenly|abrupt|abruptly|instantly", "from|of nowhere", "all of a sudden", "out of the blue",
			"came|come|comes on ...2 fast|quickly|instantly|sudden",
		},
		conceptSevere: {
			"worst|severe|excruciating|unbearable|agony|agonising|agonizing|crippling|horrendous|intense|immense|awful|horrific|terrible|knife|searing", "10 10", "10 out of 10",
		},
		conceptBelly: {
			"belly|stomach|abdomen|abdominal|tummy|gut|navel|bellybutton", "belly button",
		},
		conceptFaint: {
			"faint|fainted|fainting|faints|fainty", "passed|pass|passing out", "blacked|black|blacking out",
			"collapsed|collapse|collapsing ...2 floor|ground|home|work|kitchen|shower|car|street",
			"i|me collapsed", "collapsed ...1 in|at|on", "came round|to", "lightheaded|dizzy|dizziness|woozy|vertigo", "light headed",
			"head|room ...2 spinning|swimming", "vision|sight|eyes ...3 grey|gray|black|dark|blurry|tunnel|going",
		},
		conceptColdSweat: {
			"cold|clammy sweat|sweats|sweating", "clammy", "sweating|sweaty ... pale|grey|gray|clammy|buckets|profusely|through my",
			"broke|breaking out in a sweat", "pale|grey|gray|ashen|white ...2 sweaty|sweating|clammy", "sweating|sweaty|sweats ...3 weak|shaky|faint|dizzy|pale|grey|clammy|cold", "sweaty|sweating|clammy ...2 pale|grey|gray|white|ashen", "pouring|dripping sweat", "drenched|soaked|dripping|pouring|covered ...2 in|with sweat",
		},
		conceptChest: {
			"chest ...2 pain|pains|pressure|tight|tightness|heavy|heaviness|crushing|squeezing|hurts|hurting|ache|aching|burning|sore",
			"pain|pressure|tightness|tightening|tight|heaviness|heavy|squeezing|crushing|band|vice|vise ...3 chest",
			"pain|pressure|tightness|heaviness|squeezing|crushing ...3 middle|centre|center ...1 of ...1 my|the ...1 chest",
			"jaw|jaws ...2 ache|aches|aching|pain|hurts|tight",
			"elephant ...5 chest", "heart attack", "angina", "breastbone|sternum",
		},
		conceptBreathless: {
			"short|shortness of breath", "breathless|breathlessness",
			"cant|cannot|couldnt|struggling|struggle|hard|difficult|difficulty|trouble ...3 breathe|breath|breathing",
			"hurts|hurt|pain|painful|stab|stabbing|sharp ...4 breathe|breathing|inhale|inhaling|breath",
			"out of ...1 puff", "puffing|puffed|panting",
			"cant|cannot|couldnt catch my breath",
			"out of breath", "gasping|winded",
		},
		conceptShoulderBlades: {
			"shoulder blade|blades", "shoulderblade|shoulderblades", "scapula|scapulae", "upper|mid|middle back",
		},
		conceptAtRest: {
			"at rest", "resting|sitting|lying|laying|walking|walk|stairs|steps|step|standing|sleeping|desk|couch|sofa|bed", "doing nothing",
			"not|wasnt|didnt ...3 training|lifting|exercising|working out",
		},
		conceptFever: {
			"fever|fevers|feverish|febrile|chills|chilled|shivering|shivers|shivery|rigors|rigours",
			// A temperature someone has, not one they took to be safe.
			"have|has|had|got|with|running|spiked|spiking|spike ...4 temperature|temp",
			"temperature|temp ...3 37.5*|38*|39*|40*|41*|100*|101*|102*|103*|104*",
			"hot and cold", "burning up", "high temp|temperature", "running a temp|temperature|fever", "thermometer|thermometre",
			"37.5*|38*|39*|40*|41* ...1 c|degrees|celsius|fever|temp", "100*|101*|102*|103*|104* ...1 f|degrees|fahrenheit|fever|temp",
		},
		conceptNightSweats: {
			"night sweats|sweat|sweating", "sweat|sweats|sweating|sweaty|wet ...3 night|nights|sleep|bed|3am|am|pillow",
			"night|nights|nighttime|sleep ...3 sweat|sweats|sweating|soaked|drenched",
			"drenching|drenched|soaking|pouring ...1 sweat|sweats",
			"sheets|sheet|bed|pillow|shirt|tshirt|pyjamas|pajamas ...3 soaked|drenched|soaking|drenching|wet",
			"wake|waking|woke ...3 soaked|drenched|soaking|dripping|sweating|sweaty",
			"drenched|soaked|soaking|drenching ...3 night|nights|morning|sleep", "soaked|drenched|dripping ...2 every ...1 night|morning", "change|changing ...2 the ...1 sheets|shirt|pyjamas|tshirt",
			"soaked|drenched|soaking|drenching ...3 sheets|bed|pillow|pyjamas|pajamas|shirt",
		},
		conceptInfection: {
			"infection|infections|infected|uti|utis|abscess|abscesses|cellulitis|pneumonia|sepsis|septic|boil|boils|strep|endocarditis",
			"antibiotics|antibiotic",
		},
		conceptInjecting: {
			"inject|injecting|injected|injection|injections ... drugs|heroin|meth|speed|gear|steroids|tren|test|roids|stuff",
			"shoot|shooting|shot up", "injecting|injected", "i ...1 inject", "iv|intravenous drug|drugs|use|user", "heroin|fentanyl|speedball|speedballs",
			"use|using|used|share|sharing|shared|uses ...1 needles|needle|syringes",
			"track marks", "pinning|pin ... gear|tren|test|roids|steroids",
		},
		conceptImmune: {
			"immunosuppress*", "immunocompromis*", "immuno suppressed|suppressants|compromised",
			"weak|weakened|low|poor|compromised|suppressed|bad|shot|rubbish ... immune|immunity",
			"immune ... weak|weakened|low|poor|compromised|suppressed|system",
			"transplant|transplanted|hiv|methotrexate|humira|adalimumab|infliximab|etanercept|enbrel|rituximab|tacrolimus|ciclosporin|cyclosporine|azathioprine|mycophenolate|biologic|biologics",
			// Steroid tablets weaken the immune system when taken for a long time, not as a short course.
			"prednisone|prednisolone|pred|dexamethasone|hydrocortisone|steroid|steroids ...8 year|years|months|longterm|daily|ages|forever|since|always",
			"prednisone|prednisolone|pred|dexamethasone|hydrocortisone|steroid|steroids ...4 every ...1 day|morning",
			"alendronate|bisphosphonate|bisphosphonates|fosamax",
			"year|years|months|longterm|daily|ages ...4 prednisone|prednisolone|pred|dexamethasone|hydrocortisone|steroid|steroids",
			"long term ...2 steroid|steroids|prednisone|prednisolone|pred",
			"steroid|steroids|prednisone|prednisolone|pred ...2 tablets|pills ...4 crohns|colitis|ibd|lupus|arthritis|copd|vasculitis|sarcoidosis|myositis",
			"rheumatolog*", "dmard|dmards",
		},
		conceptBoneThin: {
			"osteoporosis|osteopenia|osteoporotic", "brittle|thin|weak|fragile bones", "bones ...2 thin|brittle|weak|fragile|soft",
			"low bone density|mass",
		},
		conceptWeightLoss: {
			"lost|losing|lose|dropped|dropping|shed|down ...3 weight|kg|kgs|kilos|kilo|lbs|pounds|pound|stone|lb",
			"weight ...2 falling|dropping|melting|loss|reducing|decreasing|going", "cant|cannot ...2 keep|put ...2 weight ...1 on",
			"clothes|jeans|trousers|pants ...2 falling|hanging|baggy|loose",
		},
		conceptUnexplained: {
			"without trying|dieting|meaning|cutting", "not trying|dieting|cutting", "no reason", "without|any ...1 reason|cause", "out of the blue",
			"unexplained|unintentional|unintended|unexplainable", "no idea why", "dont know why",
			"havent|hasnt|werent|wasnt|didnt|not ...3 dieting|cutting|trying|changed|been|trained|training|gym|lifting",
			"eating ...2 same|normally|more|loads|plenty|tons|lots|heaps|everything", "despite|while|tho|though|thou ...4 bulking|bulk|eating|eat", "even ...2 on|with|eating ...2 cals|calories|kcal|food", "even ...3 eat|eating|eats",
			"out of nowhere", "nothing caused|triggered", "came|come|started|starts ...2 on ...1 by ...1 itself", "by itself|themselves", "on its own", "for no reason", "didnt|havent|never|dont|doesnt ...3 injure|hurt|do|lift|tweak|strain|lifted|injured|hurting|train|training",
			"no injury|lift|lifting|gym|training|incident|trauma|trigger|cause|reason",
		},
		conceptNightPain: {
			"worse|worst|bad|awful|hurts ...3 night|nights|nighttime|overnight|bed|lying|sleeping|1am|2am|3am|4am|5am",
			"nothing ...1 helps|works|eases", "rest|resting ...2 does ...1 nothing",
			"rest|resting|lying|sleep|sleeping ...6 hasnt|doesnt|didnt|isnt|wont|not ...1 eased|ease|easing|help|helped|helping|touched", "same ...4 moving|lying|resting|still|sitting",
			"night|nights|nighttime ...3 unbearable|worse|worst|awful|agony|terrible|excruciating|hurts|killer",
			"wakes|woke|waking|keeps|kept ...2 me ...5 up|night|sleep|awake",
			"lying|laying|lie|bed ...6 worse|worst", "doesnt ...1 matter ...3 rest|resting|lying|sit|sitting|position",
			"cant|cannot|couldnt|unable ...2 sleep ... pain|hurts|back",
			"no|any position ... helps|help|eases|ease|relieves|comfortable",
			"even|when|while ...2 lying|laying|resting|rest|still|lie|lay",
			"rest|resting|lying|laying|nothing ...3 doesnt|dont|never|wont|isnt|not ...2 help|helps|ease|eases|easing|relieve|change|touch|touches",
			"doesnt|dont|never|wont ...1 budge|change|shift|ease ...4 lying|laying|resting|rest|sitting|position|positions",
			"night|nights|nighttime ...4 gnawing|pacing|deep|ache|aching|agony",
			"constant|constantly|nonstop|unrelenting|relentless|continuous", "never|doesnt|dont|wont ...2 ease|eases|easing|stop|stops|settle|settles",
			"24 7", "day and night", "all night",
		},
		conceptSpinalProcedure: {
			"epidural|epidurals|discectomy|microdiscectomy|laminectomy|laminotomy|fusion|fused|kyphoplasty|vertebroplasty|rhizotomy|foraminotomy|facet",
			"spinal|spine|back|lumbar|nerve|disc ...2 injection|injections|surgery|op|operation|procedure|block|tap|puncture|stimulator|ablation",
			"surgery|operation|op|procedure ...3 on ...2 back|spine|disc",
			"lumbar puncture", "nerve block|blocks", "radiofrequency ablation", "cortisone|steroid shot|injection ...3 back|spine",
		},
		conceptPain: {
			"pain|painful|hurts|hurting|hurt|killing|agony|sore|aching|ache|achy|tweak|tweaked|injury|injured|screaming|spasm|spasms",
		},
		conceptPainWorse: {
			"worse|worsening", "more ...1 painful|pain|sore", "flared|flaring ...1 up|badly|bad",
		},
		conceptHabitual: {
			"always|usually|years|ages|forever", "every time", "used to", "for a while|long time",
			"since|after ...4 having|had|birth|baby|babies|kids|kid|pregnancy|childbirth|giving", "been like that|this", "been ...1 like ...1 that|this",
			"normal for me",
		},
		conceptCaught: {
			"safeties|safety|pins|spotters|spotter|straps|hooks|rack|arms ...2 caught|took|held|saved|caught",
			"caught|catch|catching ...3 safeties|safety|pins|spotters|spotter|straps|arms",
		},
		conceptNoHarm: {
			"nobody|noone|one ...1 hurt|injured|touched", "back|im|i|everyone|everything ...1 is|am|are|was|feels|felt ...2 fine|ok|okay|unhurt|unharmed|good", "im ...1 fine|ok|okay|unhurt", "all good", "back|im|i ...2 totally|completely|perfectly ...1 fine|ok|okay|good", "didnt|never|not ...2 touch|hit ...1 me",
		},
		conceptResolved: {
			"back to normal", "normal again", "went|goes|go|gone ...1 away", "wore|wears off", "cleared|clears", "warmed ...1 up",
			"came|comes back", "then|now|after ...3 fine|ok|okay|normal", "fine|ok|okay|normal ...1 after|within|once ...3 hour|hours|minutes|mins|min|hr|hrs|while|bit|walk|walking|stand|standing|getting|moving|got|off", "gone now", "fully|all ...1 gone", "better now", "recovered", "cleared ...1 me|to",
		},
		conceptOneLegPart: {
			"leg|foot|thigh|calf|ankle|knee|shin|hamstring|quad|toe|sole",
		},
		conceptSelfHarmAct: {
			"cutting|cut|burning|burn|scratching|scratch|hitting|punching|bruising|starving ...2 again|myself|arms|arm|wrists|skin",
			"i cut|burn|cutting|burning", "hurting|harming|hurt|harm myself", "hit|hitting|punch|punching|bang|banging|slap|slapping myself", "punch|punching|hit|hitting|bang|banging ...2 my ...1 thighs|legs|arms|head|face|stomach|body",
			"relapse|relapsed|relapsing",
		},
		conceptHotRoom: {
			"hot|heatwave|humid|summer|heating", "no ...1 ac|aircon|fan", "air con", "degrees ...3 night|room|bedroom|outside",
		},
		conceptLongSit: {
			"for ...1 ages|hours|ever|while", "long ...1 sit|ride|drive|flight|session|time", "hours ...2 sitting|on|in", "hour|hours ...1 drive|ride|flight|sit|session|journey|trip", "all day",
		},
		conceptFamilyIllness: {
			"mom|mum|mother|dad|father|grandma|grandpa|grandmother|grandfather|nan|nana|gran|granny|grandad|aunt|uncle|sister|brother|friend|friends|wife|husband|girlfriend|boyfriend|family|cousin|coach|dog|cat ...3 had|has|died|passed|with ...2 cancer|tumour|tumor|chemo|lymphoma|leukemia|leukaemia|hiv|osteoporosis|osteopenia",
		},
		conceptTearInside: {
			"something ...1 tear|tore|torn|ripped|rip|burst|popped ...2 inside|in",
		},
		conceptNoBetter: {
			"it|things ...1 doesnt|wont|never|dont ...2 get|gets ...1 better", "never gets better", "it ...1 doesnt|wont|never",
		},
		conceptNotWaiting: {
			"not|aint|wont ...2 wait|waiting|stick|sticking|hang|hanging ...1 around",
		},
		conceptFarewellPast: {
			"you ...2 were ...3 great|best|amazing|good|brilliant|legends", "its|it has ...1 been ...2 an|a ...1 honour|honor|pleasure",
			"thanks|thank ...3 everyone|all|everybody|crew|lads|guys ...6 were",
		},
		conceptGoodbye: {
			"goodbye|goodbyes|farewell|bye",
		},
		conceptEndlessFuture: {
			"another|more ...4 years|decades|months ...3 like|of ...1 this", "rest of my life ...2 like this", "forever like this",
		},
		conceptRefusal: {
			"rather not", "cant|cannot|couldnt ...1 face|do|bear ...2 it|that|this", "not worth it", "no thanks",
		},
		conceptDone: {
			"im|i ...1 done|finished",
		},
		conceptEverything: {
			"with ...1 everything|life", "with it all",
		},
		conceptCoping: {
			"edge off", "feel something|anything|real|better", "release|relief|cope|coping|punish|punishment|deserve|control|helps|works|distracts", "only thing",
			"first time in", "clean", "bruises|bruised|bleed|bleeding",
		},
		conceptRecent: {
			"recent|recently|yesterday|today|tonight", "last|this|past week|weekend",
			"day|days|week|weeks ...1 ago|back", "few|couple ...2 days|weeks", "since ...3 my|the ...4 surgery|op|operation|injection|epidural|procedure|block",
			"after|following ...3 my|the ...4 surgery|op|operation|injection|epidural|procedure|block",
		},
		conceptLongAgo: {
			"years|decade|decades|yr|yrs|year ago|back|since", "last year|yr|month", "months ago", "as a kid|child|teen|teenager",
		},
		conceptLeakage: {
			"incontinen*", "incontinence|incontinent", "leaking|dribbling|dribble|dribbles|leaks|leak|leaked",
			"peed|pissed|wet|weed|piddled|peeing|wetting|pissing myself|meself|pants|underwear|shorts|bed",
			"peed|pissed|wet|weed|piddled ... pants|underwear|shorts|bed",
			"leak|leaks|leaking|leaked|leakage|dribble|dribbling|dribbled ...3 pee|urine|wee|piss|bit|little|drop|drops",
			"pee|urine|wee|piss ...3 leak|leaks|leaking|leaked|leakage|dribbles|dribbling|escapes|comes out",
		},
		conceptNewOnset: {
			"new|newly", "never ...3 before|b4|befor|bfore", "first time|ever", "only since|after|started",
			"since ...2 my|the|i|it|this ...2 back|tweak|tweaked|injury|injured|hurt|pain|went|started", "started|starting|began ...4 since|after|when",
		},
		conceptVeryUnwell: {
			"very|really|so|super|extremely unwell|ill|sick|rough", "vomiting|vomited|vomit|puking|puked|delirious|confused|shaking", "throwing|threw|chucking up",
			"feel|feeling|felt ...3 terrible|awful|horrendous|horrible|death|dying|dreadful|rubbish|shocking", "cant|cannot|couldnt ...2 get ...2 off|out ...2 sofa|couch|bed", "cant|cannot|couldnt ...1 keep ...3 down", "poorly", "out of it", "drowsy|delirious", "too weak ...3 get|stand|walk|move", "feel|feels ...1 like ...3 collapse|collapsing|dying", "not ...1 himself|herself|myself|themselves",
		},
		conceptLiftCause: {
			"squat*", "deadlift*", "deads", "sled|sleds|prowler|sprint|sprints|running|conditioning|cardio|hiit|burpees|circuit|wod|metcon|rowing|carries|pushes|jumps",
			"arch|arching|arched|bend|bending|bent|lean|leaning|twist|twisting|extension|backbend|backbends",
			"lunge|lunges|finisher|legday|press|split|stepups|sit|reps", "dl|dls|rdl|rdls|sldl|lifting|lifted|lift|lifts|gym|training|trained|workout|session|pulled|pull|tweaked|tweak|strained|twisted|bent|carrying|carried|moving|shovelling|shoveling|gardening|rep|reps|set|sets|bench|press|row|rows|clean|snatch",
		},
		conceptThroughToBack: {
			"chest|breastbone|sternum|belly|stomach|abdomen|tummy ...4 through|into|round|around|going|goes|spreading|radiating ...3 to ...2 back|spine|shoulder",
			"through|into ...2 my ...1 belly|stomach|chest|abdomen ...4 back",
			"back ...4 into|to|round|through|moved|spread|spreading ...3 chest|belly|stomach|breastbone",
		},
		conceptPulsingBelly: {
			"pulsing|pulsating|pulse|throbbing|heartbeat|beating ...6 belly|stomach|tummy|abdomen|gut",
			"belly|stomach|tummy|abdomen|gut ...3 pulsing|pulsating|pulse|throbbing|heartbeat|beating",
		},
		conceptTightGear: {
			"shoes|shoe|laces|lifters|sleeves|wraps|belt|socks|boots|trainers|sneakers|straps|strap|chucks|converse|slippers",
		},
		conceptFatigue: {
			"jelly|jello|noodles|noodly|shaky|wobbly|fried|toast|cooked|smoked|destroyed|wrecked|trashed|pumped|doms|tired|fatigued|exhausted|spent|gassed|burning|burn",
		},
	}
}

// urineWords is the pattern step for urine.
const urineWords = "pee|piss|urine|urines|urin|wee|wees|pees|peeing|pissing|weeing|urinating|urination|stream|peed|pissed"

// bodyParts is the pattern step for the parts of the body a falling bar or
// a fall can injure.
const bodyParts = "back|butt|tailbone|coccyx|ass|arse|bum|spine|neck|head|chest|hip|hips|lower|body|face|ribs|stomach|belly|abdomen|pelvis"

// exclusionPatterns returns phrases that only look like a warning sign:
// their words are blanked out before the concepts are matched.
func exclusionPatterns() []string {
	return []string{
		"fell|fall|falls|falling asleep ...2 on|in|at|during|watching|while|after|before|early|late|quickly|instantly|fast|again|last|reading|sitting",
		"fall|falls|falling forward|forwards|in|inward|inwards|apart|behind|short|back",
		"fell forward|forwards|apart|behind|short|through|for",
		"pain|it|score|rating|number ...2 fell|dropped|dropping|drops|went",
		"myself some slack",
		"dead easy|simple|set|tired|bug|bugs|hang|hangs|hanging|lift|lifts|lifting|weight|stop|stops",
		"no idea",
		"wake|woke|waking up ...1 with|so|stiff|stiffer|sore|sorer|achy|aching|locked|every|at",
		"ball|balls of ...2 foot|feet",
		"dark|darker|deep ...1 yellow|orange|amber",
		"suicide grip|grips", "passed ...1 out ...3 couch|sofa|bed|sleep|slept|asleep|napped|nap", "hopeless ...1 at|with", "burden ...3 spotter|spotters",
		"no way forward ...2 on|with ...2 my ...1 squat|bench|deadlift|lift|lifts|total|progress",
		"worried|scared|afraid ...2 about ...1 a|an ...1 tumour|tumor|cancer", "die on ...1 this|that|the ...1 hill", "rather ...1 die ...1 than ...2 do|doing|eat|go|run|squat|bench|train|another",
		"paralysed|paralyzed|paralysis ...1 by|with ...2 choice|indecision|fear|options",
		"nearly|almost ...1 fainted|died|passed ...4 when ...3 saw|heard|read|found", "burden ...2 on ...1 the ...2 rack|bench|platform|gym|team",
		"numb|numbed ...1 to ...3 pain|it|the|leg",
		"cancer ...1 survivors ...2 group|class|club|team", "cancer ...1 research|awareness|charity|fundraiser|fundraising",
		"last|final ...1 post|message|session|set|rep|log|entry|update ...6 new|next|starting|block|program|programme|cycle|meso|phase",
		"away ...6 since|because|cause|bought|upgraded|upgrade|replaced|outgrew|newbie|beginner",
		"not|never|arent|isnt|wasnt ...1 suicidal|suicide", "not|never gonna|going ...1 lie", "feels|felt|like ...4 hit by ...2 truck|bus|train|car|bus",
		"better|new|comfier|comfy|bike|road|padded|gel ...2 saddle|saddles",
		"temp|temperature|fever ...2 normal|fine|ok|okay|down|gone",
		"suicides|suicide ...3 drill|drills|sprint|sprints|shuttle|shuttles|runs|court|line|lines",
		"shuttle|sprint|sprints|ran|run|did|doing|finished ...4 suicides",
		// Bladder and bowel said to be working as usual.
		"bladder|bowel|bowels|toilet|peeing|pooping ...3 fine|ok|okay|normal|unaffected|working|good",
		// A bar or a fall that missed.
		"missed|misses me|my|us|him|her", "barely|just|narrowly miss|missed|misses",
		"hips|hip|butt|ass|bum|arse|chest|knees ...2 shoot|shoots|shooting|shot up",
		"nearly|almost|narrowly|could|couldve|would|wouldve ...2 fell|fall|falling|landed|landing|hit|dropped|crushed|pinned|pin|killed",
		"on|onto|into the|my safeties|pins|floor|ground|platform|rack|hooks|j|mat|mats",
		// Numbers, totals and bodyweight falling are not falls.
		"total|totals|1rm|pr|prs|max|maxes|numbers|strength|squat|bench|deadlift|e1rm|volume ...2 fell|dropped|dropping|drops|went|fall|falling|down|crashed|crashing|tanked",
		"dropped|drop|dropping the|some ...1 weight|load|volume|reps|sets|intensity|percent|rpe",
		// Gym hyperbole and fatigue.
		"dead|died|dying|killed|murdered|destroyed ...2 after|from ...3 leg|legs|squats|squat|session|workout|set|sets|day",
		"legs|leg ...2 are|were|feel|felt|feeling dead|toast|fried|smoked|jelly|gone",
		// Sweating and breathlessness from the work itself.
		"sweating|sweaty|sweat ...3 gym|session|workout|set|sets|hot|heat|summer",
		"out of breath|breathless|winded|gassed|gasping ...3 after|between|from|during ...3 set|sets|squats|squat|deadlifts|reps|rep|session|workout|conditioning|cardio",
		// Chest as a body part in training and form.
		"chest day|up|forward|forwards|drops|dropping|caves|collapses|collapsing",
		"chest|pec|pecs ...2 pump|pumped|doms",
		"sore|tight|stiff chest ...2 from|after ...2 bench|benching|press|pressing|pushups|flyes|dips",
		// Seats, shoes and grips.
		"numb|numbness|tingly|tingling|tingle ...3 hand|hands|finger|fingers|palm|palms|grip|forearm|forearms",
		"hand|hands|finger|fingers|palm|palms|forearm|forearms ...3 numb|numbness|tingly|tingling|tingle",
		// Fever and sweats that are not a fever.
		"room|outside|body ...2 temperature|temp",
		"sweatpants|joggers", "wearing|grey|gray sweats",
		"chilling", "chill|chilled out",
	}
}

// denialOfAllPatterns returns the phrases with which a member says they
// have none of the signs they ask about.
func denialOfAllPatterns() []string {
	return []string{
		"dont|havent|not ...3 any|none ...1 of ...1 it|them|these|those|that",
		"none of ...1 it|them|these|those|that ...3 me|mine|i",
		"mine|i ...2 is|am|are ...2 totally|completely|perfectly ...1 normal|fine",
		"mine|mines ...3 normal|fine", "said|answered|told ...2 no|none|nope",
	}
}

// hypotheticalPatterns returns the phrases that start a hypothetical or a
// general question about a warning sign, rather than an account of one.
func hypotheticalPatterns() []string {
	return []string{
		"what would|could|should|might happen|happens if",
		"what if", "what happens if", "hypothetically|theoretically", "in theory", "just curious|wondering",
		"what are ...2 signs|symptoms|red|warning|flags",
		"what is|are|does ...3 cauda|equina|ces|rhabdo|rhabdomyolysis|aneurysm|mean",
		"signs|symptoms of", "how would|do|can i|you know|tell when|if",
		"if ...3 ever|someday", "for future reference", "in case i|you|of", "asked ...2 if|whether",
		// Someone else's story that is over.
		"partner|partners|teammate|client|mate|mates|friend|friends|buddy|buddys|bro|dad|dads|mum|mums|mom|moms|brother|brothers|sister|sisters|uncle|aunt|aunts|cousin|cousins|coworker|colleague|wife|wifes|husband|husbands|gf|bf|girlfriend|boyfriend|someone|guy|girl|dude|lad|bloke|man|woman|lifter ...3 had|once|used|got|went|was|who|couldnt|didnt|lost|needed|nearly|almost|ended ...8 ago|year|years|recovered|fine|better|surgery|operation|sorted",
		// Asking why clinicians ask about a sign is a question, not a symptom.
		"why do|does|would|did ...2 they|doctors|docs|physios|physio|gps|gp|nurses|people|you ...2 ask|asks|check|checks|mention|mentions|want",
		"should i worry if|about ...3 ever|future",
		"i ...1 read|heard|saw ...1 that|somewhere|online",
		"how common is|are", "can you get|have", "is it possible to", "is it true", "asking for ...2 assignment|class|course|exam|essay|study|project|friend",
	}
}

// selfHarmVerbs is the pattern step for ways of harming oneself; alone,
// "hurt myself" is how lifters describe an injury, so the patterns that use
// it also need intent.
const selfHarmVerbs = "hurt|hurting|harm|harming|harmed|cut|cutting|burn|burning|burned|burnt|injure|injuring|injured|hit|hitting|punish|punishing|punished|starve|starving|starved|scratch|scratching|scratched|bite|biting|bit"

// crisisPatterns returns the phrases that mean a member may be thinking
// about suicide or self-harm. They are deliberately broad: a crisis card
// shown by mistake costs a moment, one missed costs far more.
func crisisPatterns() []string {
	return []string{
		"suicid*", "sucid*", "kms", "unaliv*",
		// Someone asking where to find a crisis line gets the crisis card,
		// which lists them. (Prefixes keep "line" and "number" out of the
		// words misspellings are corrected towards.)
		"crisis|helpline|hotline|support ...1 line*|number*|hotline*", "helpline|helplines|hotline|hotlines|samaritans|lifeline",
		"kill|kil|killing|killed|unalive|off|offing|top|topping|topped ... myself|meself",
		// Someone else's danger is a crisis too: the card is for whoever
		// has to act on it.
		"kill|kil|killing|unalive ... himself|herself|themselves|themself",
		"suicide|suicidal|suicides",
		"just|might|gonna|going|want|wanna|could|should|will|to|ready ...2 end|ending it",
		"might|could|would|gonna ...2 do ...3 to myself",
		"do ...1 something ...2 stupid|drastic|to myself",
		"drive|driving|drove|crash|crashing|swerve|swerving ...3 into|off ...2 wall|tree|bridge|traffic|truck|lorry|cliff|barrier|road",
		"jump|jumping|step|stepping|walk|walking ...2 in front ...2 train|bus|car|truck|lorry|traffic",
		"check|checking|checked|sign|signing|signed|log|logging|logged out|off ...2 good|forever|permanently",
		"take|taking|swallow|swallowing|down|downing ...2 the|whole|all ...1 lot|bottle|packet|box|pack|them",
		"end|ending|ended|finish|finishing my life|self",
		"end|ending|take|taking ...1 his|her|their ...1 own ...1 life", "end|ending|take|taking his|her|their life",
		"end|ending it all",
		"thinking|thought|thoughts|think|want|wanna|wanted|ready|plan|planning|considering|about|of ... end|ending it|things|everything",
		"take|taking ... my own life",
		"take|taking my life",
		"want|wanna|wish|wishing|ready|rather|wants|wanted|wanting|wishes ... die", "rather ...1 not ...1 be ...1 here|alive|around", "rather be dead",
		"think|thinking|thought ...2 about ...1 dying|death",
		"wouldnt|not ...1 mind ...3 if ...3 died|die|happened|gone|dead",
		"rather be dead", "better off dead", "better off without me",
		"wish|want ... was|were|be dead",
		"better off if ... gone|dead|wasnt|werent|didnt|died",
		"dont|never|not want|wanna ... here|alive|live|living|exist|existing|around|wake",
		"wish|wishes|wishing|wished|hope|hoping|hoped|pray|praying ... wouldnt|wont|didnt|dont|never|not|couldnt ...2 wake|woke|waking",
		"sleep|sleeping|asleep|slept ...2 never|not ...1 wake|waking|woke",
		"reason|point ... live|living|life|alive",
		"no|any reason|point ...3 keep|go|carry|continue|get ...1 going|on|up",
		"nothing|nobody ... live for",
		"not worth living", "life|living isnt|aint|not worth",
		"give|giving|gave up on life|living",
		"tired|sick|done ...2 of|with ...2 existing|living|life|everything|alive|live",
		"self harm|harming|harmed|injury|injure|injuring|destruct",
		"selfharm*",
		"harm|harming ... myself",
		"cut|cutting|burn|burning|burned|burnt myself", "with a|the ...1 lighter|blade|razor|razors|knife",
		"till|until ...3 i|it|they|my|knuckles ...2 bleed|bleeds|bleeding|bruise|bruises|bruised",
		"how tall|high ...4 bridge|building|car|multistorey|multistory|roof|cliff|tower",
		"stood|standing|stand|sat|sitting ...3 on ...2 bridge|ledge|roof|edge|railing|parapet|balcony|rooftop",
		"wish|hope ...4 would ...2 crush|kill|take|end ...1 me",
		"end|ending ...3 one ...1 way ...1 or ...1 another",
		"sleep|asleep ...8 ever again|forever",
		"go|going|gonna ...2 quiet|dark|silent ...1 for ...1 good",
		"only|one thing ...2 stopping|keeping ...1 me",
		"dont|not ...1 care ...4 happens ...2 to ...1 me", "care ...2 if ...1 i ...2 live|die|wake",
		"think|thinking|thought ...3 how ...2 id|ill|i ...2 do ...1 it",
		"if i ...3 didnt|never|wouldnt|wont ...2 wake", "easier|better|simpler ...3 if ...1 i ...2 didnt|never|wasnt|werent|wouldnt",
		"if ...1 anything|something ...1 happens ...2 to ...1 me", "outlived ...2 use|usefulness|purpose",
		"dont|not ...1 want ...2 see ...1 another ...1 winter|year|christmas|birthday|summer|spring",
		"wont|not ...5 much ...1 longer",
		"gave|giving|given|gifted ...3 my|his|her ...2 watch|ring|guitar|dog|cat|car|possessions|belongings ...3 to",
		"whats|what ...2 point ...4 broken|anymore|trying|living|even",
		"staring|stare|stared|looking|looked ...5 gun|rifle|pistol|shotgun|rope|noose|ledge|edge|bridge",
		"slam|slamming|slammed|bang|banging|banged|punch|punching|punched|hit|hitting|cut|cutting|burn|burning ...6 on purpose", "slam|slamming|slammed|bang|banging|banged|punch|punching|punched|hit|hitting ...6 deliberately|intentionally",
		"if i ...2 didnt|wasnt|werent ...1 exist|here|around|alive|born",
		"tonights ...1 the ...1 night", "tonight ...1 is ...1 the ...1 night",
		"planning|plan|going|gonna|want|ready ...2 to ...1 end|ending ...1 things|everything",
		"want|wanna|wanted|urge|urges|tempted|thoughts|thinking ... hurt|hurting|harm|harming|cut|cutting ... myself",
		// Harm done on purpose, told as a fact rather than a wish.
		selfHarmVerbs + " myself|meself ...4 on purpose",
		selfHarmVerbs + " myself|meself ...2 deliberately|intentionally|purposely|purposefully",
		"deliberately|intentionally|purposely|purposefully|purposfully ...2 " + selfHarmVerbs + " myself|meself",
		"overdose|overdosing|od",
		"take|taking|swallow|swallowing ... all|whole|every ... pills|tablets|meds|bottle|them|pill",
		"take|taking|swallow|swallowing them all",
		"pills|tablets|meds ... saved|stockpiled|stockpiling|hoarded|hoarding|saving|stashed",
		"kept|saved|saving|hoarding|hoarded|stockpiling|stockpiled|stashed|stashing|collecting ...4 pills|tablets|meds|medication|medications|tramadol|codeine|oxy|oxycodone|painkillers|sleeping|relaxants",
		"pills|tablets|meds|tramadol|codeine|oxy|oxycodone|painkillers ...4 enough",
		"no way out",
		"disappear forever",
		"hang|hanging myself",
		"burn|burning|burned|burnt|cut|cutting|scratch|scratching|scratched ...2 my ...1 arm|arms|wrist|wrists|skin",
		"cutting|cut|burning|scratching ...6 edge off|release|relief|cope|coping",
		"relapse|relapsed|relapsing ...3 sh|cutting|self|harm", "sh ...3 clean|free|relapse|relapsed",
		"stop|quit ...1 existing|living", "stop|quit ...1 being alive",
		"thats|its ...1 it|over|done ...1 for ...1 good",
		"disappear|disappearing|vanish|vanishing ...3 good|forever|permanently",
		"nobody|noone|one ...2 would|will|wud|gonna ...1 notice|care|miss",
		"rehomed|rehoming|gave|giving|given ...3 my|the ...1 dog|cat|pet|pets",
		"sorting|sort|sorted|tying ...3 last|loose ...2 things|ends|bits",
		"rope|noose|gun|pistol|rifle|ledge|bridge|tracks|edge|railing|knife|blade|razor ...8 thinking|thought|think|mind",
		"life insurance", "insurance ...2 money|payout|pays",
		"look ...1 after ...1 each|yourselves|eachother", "take care ...2 each|yourselves|eachother|all|everyone|guys|lads|yall|everybody", "sorry for everything",
		"dont|cant|not|never ...2 see ...1 myself ...3 around|here|alive|living|being",
		"if i ...1 didnt|dont|never|wouldnt|wont ...1 wake ...6 fine|ok|okay|good|relief|better",
		"looking|looked|staring|stared|stood|standing ...3 over ...2 edge|ledge|bridge|railing",
		"jump|jumping ... off ... bridge|building|roof|cliff|balcony|window|ledge|tower|multistorey",
		// A burden to others.
		"im|i|feel|feeling|being|such|just ...3 a ...1 burden", "burden ...2 to|on|for ...2 everyone|family|them|people|my|others|everybody|you|him|her", "better|happier|easier|lighter|quieter|simpler|calmer|safer ...2 off|if|without ...3 me|gone|wasnt|werent|around|dead",
		"waste of ...1 space|oxygen|air|life", "already ...1 gone|dead", "another ...4 years|decades ...3 like this ...4 rather not|cant|cannot|couldnt|no way",
		"no|any|whats ...2 point ...2 me ...2 being|here|existing|living",
		"weight|load|drain ...2 on ...2 everyone|family|them|people|everybody",
		"dead weight ...4 family|everyone|friends|people|them|us|everybody",
		"nobody|noone|one|anyone ...3 miss|notice|care ...2 if|when ...2 gone|died|dead|wasnt|disappeared",
		"wouldnt|not ...2 miss me",
		// Hopelessness and no way forward.
		"hopeless|hopelessness", "no|lost|losing|zero|any hope",
		"nothing ...3 ever|will|gonna|going ...3 get|gets|be ...2 better",
		"never ...3 get|gets|going ...2 better",
		"no|whats|theres|any ...2 point ...3 anything|anymore|trying|going|carrying|life|all|continuing|bothering", "point in ...2 anything|living|trying|going|life",
		"cant|cannot|couldnt ...2 go|carry ...1 on", "cant|cannot|couldnt ...2 keep ...1 going", "cant|cannot|couldnt ...2 do|take ...1 this|it ...2 anymore|longer|more",
		"cant|cannot|couldnt|dont|no ...2 see|find ...2 way|future|point|end|exit|light",
		"no future", "no way forward|forward", "trapped", "way out",
		"want|wanna|need|wish ...4 stop|end|over ...2 forever|permanently|good",
		"make ...2 it|everything|this ...1 all ...1 stop", "i want out", "want to disappear|vanish", "wish ...3 disappear|vanish", "sleep|asleep ...6 forever|permanently|good",
		"wish ...3 never ...2 born|existed|woken",
		// Saying goodbye, settling affairs.
		"goodbye|goodbyes|farewell|bye ...2 everyone|all|guys|lads|yall|world|friends|folks|fam|team|everybody|forever", "this is ...1 goodbye",
		"say|saying|said ...2 goodbye|goodbyes|bye", "all|everyone|guys|lads|yall|everybody ...1 goodbye|farewell",
		"giving|give|gave|given ...4 away",
		"wont|not|never|dont|cant ...3 be ...2 around|here ...2 much|long|anymore|more|to|for|by|next",
		"wont|not|never ...3 need|needing ...3 it|them|this|my ...2 anymore|more|longer", "need|needing ...4 where im|ill ...1 going|be",
		"last|final message|post|goodbye|note", "this|my ...2 last|final ...1 check ...1 in", "this|my ...2 last|final ...1 checkin",
		// "Last time" is also how lifters start a story about a session.
		"this|thats|its|will ...2 the ...1 last|final time", "last|final time ...4 hear|see|post|write|message|talk|speak|bother",
		"wrote|writing|written|write ...2 letter|letters|note|notes ...3 to|for ...2 my|family|everyone|mum|mom|kids",
		"sorted|sorting|sort|put ...3 affairs|will|wills", "things in order", "paid ...1 off ...2 debts|debt", "sold ...2 all ...1 my ...1 stuff|things|belongings|gear",
		"weirdly|strangely|oddly ...1 calm|peaceful", "papers|will|documents|passwords|accounts ...3 together|sorted|ready",
		"edge ...2 of ...1 the ...1 bridge|roof|cliff|building|platform|balcony", "worthless",
		"be ...1 ok|okay|fine|alright|better ...1 without ...1 me|him|her",
		// A plan or the means.
		"have|got|made|making ...2 a|the|my plan", "plan|planned|planning ...4 do|end ...1 it",
		"know|decided|worked|figured ...3 how|when|where ...3 do|end ...1 it",
		"bought|buy|got|have|stocked|ready ...3 rope|noose|gun|pistol|rifle|blade|pills|tablets|charcoal",
		"lethal|fatal ...2 dose|amount", "amount|dose|much|many ...4 pills|tablets|paracetamol|tylenol|tramadol|codeine|oxy|oxycodone|meds|painkillers ...6 lethal|fatal|deadly", "how many ...4 pills|tablets|paracetamol|tylenol|tramadol|codeine|oxy|oxycodone|meds|sleeping|relaxants|painkillers ...4 take|takes|took|taking|die|kill|fatal|lethal|overdose|od",
		"painless|quick|easiest ...2 way|ways ...2 die|go|out",
		"going|gonna|heading|headed|off ...3 bridge|tracks|cliff|rooftop ...3 tonight|today|now|later",
		"look|looking after ...3 my ...1 dog|cat|pet|pets|kids|plants ...2 for ...1 me", "take|taking care of ...3 my ...1 dog|cat|pet|pets|kids|plants ...2 for ...1 me",
		"i ...1 wont ...1 be ...1 here|around",
		"want|wanna|wanting ...2 to ...1 not ...1 exist|be|live|wake", "actually|seriously|really ...2 planning|plan|planned ...1 how",
		"knife|blade|razor|scissors ...3 to|on|against ...1 my ...1 wrist|wrists|arm|arms|throat|neck",
		"stand|standing|stood ...4 platform|edge|ledge ...6 step|stepping|jump|jumping",
		"tallest|highest ...2 bridge|bridges|building|buildings|cliff|cliffs",
		"care|caring|cares ...2 if|whether ...1 i ...3 live|die|wake",
		"wont|not|never ...1 be ...1 needing|need ...1 them|it|this|these",
		"took|taken|swallowed|take|taking ...5 pills|tablets|meds|painkillers ...4 on ...1 purpose",
		"everything ...1 to ...1 stop|end",
		"garage ...6 car|engine ...3 running|on", "hose ...4 exhaust",
		"insulin|meds|medication|medicine|pills ...6 let|letting ...2 it ...1 happen",
		"not|never|no|dont|doesnt ...1 planning|plan|planned|going|gonna ...2 on|to ...1 be|being ...1 here|around|alive",
		"easier|better|simpler ...2 than ...1 living|existing|being ...1 alive|here",
		"wish|wished|wishing ...4 had ...2 crushed|killed|finished|ended ...1 me",
		"hope|hoping|wish|wishing|pray|praying ...4 crush|crushes|kills|ends|finishes|takes ...1 me",
		"wrote|written|writing|made|making|did|done ...2 my|a ...1 will ...8 date|goodbye|over|note|letters",
		"ways|way|methods|method ...2 to ...2 die|kill",
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
