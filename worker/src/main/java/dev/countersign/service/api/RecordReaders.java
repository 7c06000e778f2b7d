package dev.countersign.service.api;

import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.Reviewer;
import org.springframework.security.core.Authentication;

/** Who reads the decision record (its rows and the policy's statistics): operators and admins. */
final class RecordReaders {

    private RecordReaders() {}

    /** Refuses, with 403 {@code NotAnOperator}, a caller who is neither an operator nor an admin. */
    static void require(Authentication authentication, CountersignSecurityProperties security, String what) {
        Reviewer caller = CurrentUser.of(authentication);
        if (!caller.inAnyOf(security.operatorGroups()) && !caller.inAnyOf(security.adminGroups())) {
            throw ApiProblem.forbidden(
                    "NotAnOperator",
                    what + " is for members of " + security.operatorGroups() + " and " + security.adminGroups());
        }
    }
}
