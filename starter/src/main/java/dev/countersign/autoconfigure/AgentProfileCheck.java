package dev.countersign.autoconfigure;

import dev.countersign.profile.AgentProfile;
import dev.countersign.profile.AgentProfiles;
import dev.countersign.profile.InvalidAgentsFile;
import java.util.List;
import java.util.Set;

/** Refuses an agents file whose agents nothing can serve, at start rather than at a task's first step. */
final class AgentProfileCheck {

    private AgentProfileCheck() {}

    static void servedByAModel(AgentProfiles profiles, Set<String> served) {
        List<String> unserved = profiles.all().stream()
                .map(AgentProfile::name)
                .filter(name -> !served.contains(name))
                .toList();
        if (!unserved.isEmpty()) {
            throw new InvalidAgentsFile(profiles.source() + ": no agent model serves " + unserved
                    + ": give each instructions (a language model drives it) or an AgentModel bean of that"
                    + " name; models here serve " + served);
        }
    }
}
