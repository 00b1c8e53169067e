package org.siyu.commerce.internal.payment;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the sandbox gateway behaves; test amounts let a tester provoke a decline. */
@ObjectClassDefinition(id = SandboxConfig.PID, name = "Commerce: sandbox payment gateway",
        description = "A payment gateway that behaves like a provider without moving money: transaction ids, one "
                + "charge per order, refunds up to what was charged, and declines for test amounts.")
public @interface SandboxConfig {

    /** The configuration PID. It is a public contract (configuration files name it): never change it. */
    String PID = "org.siyu.commerce.sandbox";

    @AttributeDefinition(name = "Declined amounts end in (fen)",
            description = "A charge whose amount in fen ends with these digits is declined, as a provider declines "
                    + "a card: with 99, ¥12.99 (1299 fen) is declined and ¥12.98 is not. Empty: nothing is "
                    + "declined. Default: 99.")
    String declineSuffix() default "99";
}
