package org.followthrough.validate;

import java.util.List;
import org.followthrough.format.Doc;

/** Content whose every file has the right shape and whose references resolve; ready to assemble. */
public record ValidContent(Doc site, List<OrganisationDoc> organisations, List<PlanDocs> plans) {

    public record OrganisationDoc(String id, Doc doc) {
    }

    public record PlanDocs(String id, Doc plan, List<Doc> recommendations) {
    }

    /**
     * What a plan claims that no other plan may: its published reference and the ids it was published under before
     * (each null or empty where it gives none), with where each is written.
     */
    public record Claims(String planId, String reference, org.followthrough.problem.Location referenceAt, List<String> formerIds,
                         org.followthrough.problem.Location formerIdsAt) {

        public static Claims of(PlanDocs plan) {
            return new Claims(plan.id(), plan.plan().text("reference"), plan.plan().locationOf("reference"), plan.plan().texts("former_ids"),
                    plan.plan().locationOf("former_ids"));
        }
    }
}
