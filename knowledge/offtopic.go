package knowledge

// offTopicFilter spots questions about something other than the back:
// another body part, nutrition, programming, grip, or the server itself.
// Such a question is off-topic unless it also ties itself to the back, so
// "knee hurts at the bottom of squats" is declined while "pillow between my
// knees for a sore back" is answered.
type offTopicFilter struct {
	other     *phraseSet
	anchor    *phraseSet
	notAnchor *phraseSet
	lifts     *phraseSet
}

func newOffTopicFilter() *offTopicFilter {
	return &offTopicFilter{
		other:     compilePhrases(offTopicPatterns()),
		anchor:    compilePhrases(backAnchorPatterns()),
		notAnchor: compilePhrases(notBackPatterns()),
		lifts:     compilePhrases(liftPatterns()),
	}
}

// offTopic reports whether the question names another subject and nothing
// about the back. It reads both the raw and the typo-corrected tokens, so a
// word like "sarms" counts even if correction would change it.
func (f *offTopicFilter) offTopic(raw, corrected []string) bool {
	if !f.other.contains(raw) && !f.other.contains(corrected) {
		return false
	}
	return !f.anchored(raw) && !f.anchored(corrected)
}

// anchored reports whether toks mention the back, ignoring uses of "back"
// that are not about the back.
func (f *offTopicFilter) anchored(toks []string) bool {
	return f.anchor.contains(f.notAnchor.blank(toks))
}

// aboutTheBack reports whether a question too vague to rank is still about
// the back: it mentions the back, or, since every /sore-back question is
// asked about a sore back, it names one of the lifts the bot covers.
func (f *offTopicFilter) aboutTheBack(raw, corrected []string) bool {
	return f.anchored(raw) || f.anchored(corrected) || f.lifts.contains(raw) || f.lifts.contains(corrected)
}

// offTopicPatterns returns phrases (syntax in phrase.go) for subjects the
// bot does not cover.
func offTopicPatterns() []string {
	return []string{
		// Other body parts and their injuries.
		"shoulder*", "elbow*", "wrist*", "knee|knees|kneecap|kneecaps|patella|acl|mcl|meniscus",
		"ankle*", "neck", "bicep*", "tricep*", "forearm*", "pec|pecs|delts|delt|traps",
		"rotator cuff", "hand|hands|finger|fingers|thumb|thumbs", "shin|shins", "achilles", "tendonitis|tendinitis|tennis|golfers",
		// Nutrition and body composition.
		"protein|creatine|whey|casein|preworkout|caffeine|supplement*|vitamin*|diet|dieting|calorie*|macros|keto|fasted|fasting",
		"pre workout", "bulk|bulking|bulked|recomp", "cut|cutting ... fat|calories|phase|bulk",
		"fat loss", "lose|losing ... fat|weight", "body fat", "build|gain|grow|growing ... muscle|mass|size|arms|biceps|chest",
		// Anabolic drugs, not the medical steroids an entry covers.
		"anabolic*|tren|sarm|sarms|testosterone|trt|peptides|peds",
		// Upper-body lifts, including the ones that train the back muscles.
		"bench|benching|ohp|overhead|military|pullup|pullups|chinup|chinups|dips",
		"pulldown|pulldowns|pullover|pullovers|lat|lats|rhomboid|rhomboids",
		"barbell|cable|dumbbell|db|seal|pendlay|kroc|tbar|chest supported ... row|rows",
		"v taper", "vtaper",
		// Programming.
		"program|programs|programme|programmes|routine|routines",
		"5 3 1", "gzclp|stronglifts|ppl|nsuns|hypertrophy|periodization|periodisation",
		"push pull legs", "split|splits", "sets ... per week", "beginner|novice|intermediate ... program|programme|routine",
		"starting strength",
		// Grip and accessories.
		"grip|chalk|straps|strap|callus|calluses|gloves|hook", "skull crushers|crusher", "shrug|shrugs|curl|curls",
		// The server and the bot.
		"nickname|server|discord|role|roles|channel|emoji|mods|moderator|ban|banned",
	}
}

// backAnchorPatterns returns phrases that tie a question to the back (lower,
// mid or upper), to the nerve symptoms that come from it, or to another
// covered topic that shares words with an off-topic one.
func backAnchorPatterns() []string {
	return []string{
		"back|backs|lowerback|lowback|spine|spinal|lumbar|lbp|sciatica|sciatic|disc|discs|disk|disks|sacroiliac|si|sij|tailbone|coccyx|pelvis",
		"erector*", "stenosis", "scoliosis", "kyphosis", "hyperkyphosis", "bertolotti*", "vertebra*",
		"shooting|radiating|radiates|numb|numbness|tingling|tingly", "pins and needles", "buttwink", "butt wink",
		"down|into|past|below|through ...3 leg|legs|calf|calves|thigh|thighs|foot|feet",
		// The upper and mid back is covered too: its landmarks, and the
		// back muscles named as sore rather than as muscles to build.
		"thoracic|tspine", "t spine", "shoulder blade|blades", "shoulderblade|shoulderblades",
		"rhomboid|rhomboids|traps ...4 sore|hurt|hurts|hurting|pain|painful|ache|aches|aching|achy|wrecked|cooked|fried|smoked|killing|knot|knots|tweaked|tight|stiff|burning",
		"sore|hurt|hurts|hurting|pain|painful|ache|aches|aching|achy|knot|knots|tweaked|tight|stiff ...3 rhomboid|rhomboids|traps",
		// Rhabdomyolysis is covered: its test is not the creatine supplement.
		"rhabdo*", "creatine kinase", "ck|cpk",
	}
}

// notBackPatterns returns uses of "back" that are not about a sore back:
// the back squat, back-off sets, getting back to something, and the back
// as a muscle group to build ("back day", "a wider back").
func notBackPatterns() []string {
	return []string{
		"back squat|squats|squatting|squatted|off|offs",
		"back day|days|width|thickness|gains|workout|workouts|session|sessions|routine|exercise|exercises|muscles|development",
		"back and|n|& biceps|bis|bi|chest|shoulders|traps|arms|triceps|tris",
		"thick|thicker|wide|wider|big|bigger|broad|broader|huge|massive|jacked ...1 back",
		"train|training|trained|trains|build|building|grow|growing ...1 back",
		"get|gets|getting|got|come|comes|coming|came|go|going|went|bounce|bouncing|ramp|ramping|bring|bringing|way|bounced back",
	}
}

// liftPatterns returns the lifts the knowledge base is about.
func liftPatterns() []string {
	return []string{
		"squat*", "deadlift*", "deads", "dl|dls|rdl|rdls|sldl|sldls",
		"good morning|mornings", "hinge|hinges|hinging",
	}
}
