package org.ecoplan.loader;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate}: reads every selected layer's source and runs every check; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Read every selected layer's source and run every check; write nothing.", exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:no errors", "1:errors found (listed on standard output)", "2:configuration or usage error"})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    LayerOptions options;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        CatalogValidation.Result result = new LoaderRun(options, out, err).validate();
        if (result == null) return DataLoader.CONFIG_ERROR;
        if (!result.clean()) {
            err.println(result.report().count() + " error(s)");
            return DataLoader.DATA_ERROR;
        }
        err.println(result.layers().size() + " layer(s) valid");
        return DataLoader.OK;
    }
}
