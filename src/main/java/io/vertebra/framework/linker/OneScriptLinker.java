package io.vertebra.framework.linker;

import com.google.gwt.core.ext.LinkerContext;
import com.google.gwt.core.ext.TreeLogger;
import com.google.gwt.core.ext.linker.LinkerOrder;
import com.google.gwt.core.ext.linker.LinkerOrder.Order;
import com.google.gwt.core.ext.linker.Shardable;
import com.google.gwt.core.linker.SingleScriptLinker;

/**
 * GWT's single-script linker ({@code sso}) with a bootstrap cut to what a Vertebra app uses: the module's code in one
 * file, started when the document is parsed, its soft permutation (browser family) chosen by GWT's own generated
 * property logic.
 *
 * <p>GWT's bootstrap also carries a hosted-mode check, a {@code document.write} fallback to find its own script,
 * {@code <meta name="gwt:property">} parsing with {@code eval}'d error handlers, a 50 ms polling fallback for
 * browsers without {@code DOMContentLoaded}, and module {@code <script>}/{@code <stylesheet>} injection: ~3.4 KB
 * raw that every first load downloaded and none of the apps used (BENCHMARKS.md, section 3). A module that declares
 * {@code <script>} or {@code <stylesheet>} resources must keep GWT's {@code sso} linker.
 */
@LinkerOrder(Order.PRIMARY)
@Shardable
public class OneScriptLinker extends SingleScriptLinker {

  @Override
  public String getDescription() {
    return "Vertebra one script";
  }

  @Override
  protected String getSelectionScriptTemplate(TreeLogger logger, LinkerContext context) {
    return "io/vertebra/framework/linker/OneScriptTemplate.js";
  }
}
