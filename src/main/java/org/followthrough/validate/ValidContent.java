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
     * (each null or empty where it gives none), with where each is written: {@code formerIdsAt} holds the place of each
     * former id, in their order.
     */
    public record Claims(String planId, String reference, org.followthrough.problem.Location referenceAt, List<String> formerIds,
                         List<org.followthrough.problem.Location> formerIdsAt) {

        public static Claims of(PlanDocs plan) {
            return new Claims(plan.id(), plan.plan().text("reference"), plan.plan().locationOf("reference"), plan.plan().texts("former_ids"),
                    formerIdsAt(plan));
        }

        /** Where each former id of the plan is written, in their order. */
        public static List<org.followthrough.problem.Location> formerIdsAt(PlanDocs plan) {
            int count = plan.plan().texts("former_ids").size();
            return java.util.stream.IntStream.range(0, count).mapToObj(i -> plan.plan().locationOf("former_ids", i)).toList();
        }

        /** Where the former id at {@code index} is written (a store of an older build may not know: then where the plan is). */
        public org.followthrough.problem.Location formerIdAt(int index) {
            return formerIdsAt != null && index < formerIdsAt.size() && formerIdsAt.get(index) != null ? formerIdsAt.get(index) : referenceAt;
        }
    }
}
