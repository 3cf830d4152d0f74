package knowledge

// emergencyRule combines the concepts found into the first emergency rule
// that applies, or "". The rules follow the emergency list of
// clinical-notes.md: cauda equina signs, both legs, worsening weakness,
// serious trauma, cancer with new nerve symptoms, and the emergencies that
// are not spinal but show up as back pain in lifters.
func emergencyRule(f [numConcepts]bool) safetyRule {
	numb := f[conceptNumb]
	sensory := numb || f[conceptTingling]
	weakOrNumb := f[conceptWeak] || sensory || f[conceptGivingWay]
	switch {
	case sensory && f[conceptSaddle] && !(f[conceptSitting] && f[conceptResolved]):
		// Numbness that came and went with a long ride or sit is not the
		// saddle numbness of cauda equina.
		return ruleSaddleNumbness
	case numb && f[conceptButt] && !f[conceptOneSide] && !(f[conceptSitting] && (f[conceptResolved] || f[conceptLongSit])):
		// Numb buttocks on both sides, not explained by a long sit.
		return ruleSaddleNumbness
	case f[conceptBladderBowel]:
		return ruleBladderBowel
	case f[conceptLeakage] && (f[conceptNewOnset] || sensory || (!f[conceptHabitual] && (f[conceptPain] || !f[conceptLiftCause]))):
		// Leaking under a heavy lift is common and, when it has always
		// happened, not a warning sign; new since the back began to hurt,
		// told together with back pain, or with numbness, it is.
		return ruleNewLeakage
	case f[conceptSexual], numb && f[conceptSex]:
		return ruleSexual
	case f[conceptBothLegs] && (weakOrNumb || f[conceptNervePain]),
		f[conceptLegs] && (sensory && !f[conceptResolved] || f[conceptNervePain]) && !f[conceptTightGear] && !(f[conceptSitting] && (f[conceptResolved] || f[conceptLongSit])),
		f[conceptLegs] && f[conceptGivingWay] && (f[conceptAtRest] || f[conceptWorsening] || !f[conceptLiftCause]):
		// Legs that give out at the end of a hard set are tired, not weak.
		return ruleBothLegs
	case f[conceptFootDrop], f[conceptLegFails] && f[conceptLegPart], (f[conceptWeak] || sensory) && f[conceptWorsening] && f[conceptLegPart],
		f[conceptGivingWay] && f[conceptLegPart] && (!f[conceptLiftCause] || f[conceptAtRest] || f[conceptWorsening]):
		return ruleWorsening
	case f[conceptRoadCrash] && !f[conceptLongAgo] && (f[conceptPain] || !f[conceptNoHarm]),
		f[conceptTrauma] && !f[conceptCaught] && !f[conceptNoHarm] && !f[conceptLongAgo]:
		// A bar the safeties caught, or a fall that hurt no one, is not an
		// accident to escalate; a road crash with back pain is, even when
		// the member calls themselves "ok-ish".
		return ruleTrauma
	case f[conceptCancer] && (weakOrNumb || f[conceptNervePain] || f[conceptLegPart]):
		// Any new leg symptom after cancer: possible spinal cord compression.
		return ruleCancer
	case f[conceptDarkUrine] && !f[conceptResolved],
		f[conceptBloodUrine] && (f[conceptMuscleSwelling] || (f[conceptFever] && (f[conceptVeryUnwell] || f[conceptFaint]))):
		return ruleRhabdo
	case f[conceptTearing], f[conceptPulsingBelly], f[conceptThroughToBack],
		(f[conceptSudden] || f[conceptSevere]) && (f[conceptBelly] || f[conceptColdSweat]),
		f[conceptFaint] && (f[conceptSevere] || f[conceptSudden] || f[conceptBelly] || f[conceptColdSweat] || !f[conceptLiftCause]),
		f[conceptTearInside] && (f[conceptColdSweat] || f[conceptFaint] || f[conceptBelly] || f[conceptSevere]):
		return ruleAortic
	case f[conceptChest],
		f[conceptBreathless] && !f[conceptResolved] && (f[conceptShoulderBlades] || f[conceptAtRest] || f[conceptSudden] || !f[conceptLiftCause]):
		return ruleHeartLungs
	}
	return ""
}

// sameDayRule combines the concepts found into the first same-day rule
// that applies, or "". age is the member's stated age, or 0.
func sameDayRule(f [numConcepts]bool, age int) safetyRule {
	switch {
	case f[conceptFever] && !(f[conceptResolved] && f[conceptLongAgo]), f[conceptNightSweats] && !f[conceptHotRoom]:
		// A fever long gone, or sweating in a hot room, is not one now.
		return ruleFever
	case f[conceptInjecting]:
		return ruleInjecting
	case f[conceptImmune] && (!f[conceptFamilyIllness] || f[conceptTheirPain]):
		return ruleImmune
	case f[conceptInfection]:
		return ruleInfection
	case f[conceptCancer] && (!f[conceptFamilyIllness] || f[conceptTheirPain]):
		return ruleCancerPast
	case f[conceptBoneThin] && (!f[conceptFamilyIllness] || f[conceptTheirPain]):
		// A relative's condition is family history, unless it is their
		// back that hurts now.
		return ruleBoneThin
	case f[conceptWeightLoss] && f[conceptUnexplained]:
		return ruleWeightLoss
	case f[conceptSpinalProcedure] && !f[conceptLongAgo] && (f[conceptPainWorse] || f[conceptSudden] || f[conceptRecent] && !f[conceptResolved]):
		// A procedure in the last weeks, or pain getting worse since one:
		// a question about lifting months after a good recovery is not.
		return ruleProcedure
	case f[conceptBloodUrine]:
		return ruleBloodInUrine
	case f[conceptNightPain]:
		return ruleNightPain
	case age > 0 && (age < 20 || age > 50) && (f[conceptUnexplained] || !f[conceptLiftCause]) && !f[conceptLongStanding]:
		// The notes ask about new pain: pain someone has had for years,
		// unchanged, is not the sign.
		return ruleAge
	case (f[conceptNumb] || f[conceptTingling] || f[conceptWeak]) && (f[conceptOneLegPart] || f[conceptOneSide] && f[conceptLegPart]) &&
		!f[conceptTightGear] && !f[conceptSitting]:
		// Anything in both legs, or getting worse, was an emergency above.
		return ruleOneLeg
	}
	return ""
}
