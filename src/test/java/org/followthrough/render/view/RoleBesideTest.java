package org.followthrough.render.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An owner's line is "name, role, organisation": a role that already ends with the organisation does not say it twice. */
class RoleBesideTest {

    private static final String TRUST = "Black Country Partnership NHS Foundation Trust";

    @Test
    void aRoleEndingWithItsOrganisationIsShownWithoutIt() {
        assertThat(ViewFactory.roleBeside("Director of Nursing, " + TRUST, TRUST)).isEqualTo("Director of Nursing");
        assertThat(ViewFactory.roleBeside("Director of Nursing – " + TRUST.toUpperCase(java.util.Locale.ROOT), TRUST)).isEqualTo("Director of Nursing");
        assertThat(ViewFactory.roleBeside("Team Manager, EPUT", "EPUT")).isEqualTo("Team Manager");
        assertThat(ViewFactory.roleBeside(TRUST, TRUST)).as("only the name: nothing to add").isNull();
    }

    @Test
    void anyOtherRoleIsShownAsPublished() {
        assertThat(ViewFactory.roleBeside("Head of Safeguarding", TRUST)).isEqualTo("Head of Safeguarding");
        assertThat(ViewFactory.roleBeside("Head of the EPUT board", "EPUT")).as("the name inside, not at the end").isEqualTo("Head of the EPUT board");
        assertThat(ViewFactory.roleBeside("Head of Safeguarding", null)).as("an organisation without a short name").isEqualTo("Head of Safeguarding");
        assertThat(ViewFactory.roleBeside(null, TRUST)).isNull();
    }
}
