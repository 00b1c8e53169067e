package org.siyu.commerce.codes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The codes' settings, PID {@value #PID}; the admin renders the form from this description. */
@ObjectClassDefinition(id = CodesConfig.PID, name = "One item, one code (一物一码)",
        description = "Where a printed code's QR points: the brand's scan page (a mini-program or H5 page) that asks "
                + "the buyer to sign in and calls POST /api/v1/codes/{code}/bind.")
public @interface CodesConfig {

    /** The configuration PID. It is a public contract (configuration files name it): never change it. */
    String PID = "org.siyu.commerce.codes";

    @AttributeDefinition(name = "Scan URL",
            description = "The URL printed in each QR code; {code} is replaced by the code. Default: "
                    + "https://brand.example/scan?code={code} (set the brand's own page before printing).")
    String scanUrl() default "https://brand.example/scan?code={code}";
}
