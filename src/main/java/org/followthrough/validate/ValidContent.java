package org.followthrough.validate;

import java.util.List;
import org.followthrough.format.Doc;

/** Content whose every file has the right shape and whose references resolve; ready to assemble. */
public record ValidContent(Doc site, List<OrganisationDoc> organisations, List<PlanDocs> plans) {

    public record OrganisationDoc(String id, Doc doc) {
    }

    public record PlanDocs(String id, Doc plan, List<Doc> recommendations) {
    }

    /** A plan's published reference and where it is written. */
    public record Reference(String planId, String reference, org.followthrough.problem.Location at) {
    }
}
