// Bootstrap of OneScriptLinker: the module's code follows it in the same file and calls onScriptLoad. The linker
// fills in the __...__ names and the marked sections (property providers, permutation table).
function __MODULE_FUNC__() {
  var $doc = document, gwtOnLoad, bodyDone, base = '', values = [], providers = [], answers = [],
      softPermutationId = 0;

  function maybeStartModule() {
    if (gwtOnLoad && bodyDone) {
      gwtOnLoad(null, '__MODULE_NAME__', base, softPermutationId);
    }
  }

  // The module base (GWT.getModuleBaseURL()): the folder of this script.
  var script = $doc.currentScript;
  if (script && script.src) {
    base = script.src.split(/[?#]/)[0];
    base = base.substring(0, base.lastIndexOf('/') + 1);
  }

  function unflattenKeylistIntoAnswers(propValArray, value) {
    var answer = answers;
    for (var i = 0, n = propValArray.length - 1; i < n; ++i) {
      answer = answer[propValArray[i]] || (answer[propValArray[i]] = []);
    }
    answer[propValArray[n]] = value;
  }

  function computePropValue(propName) {
    var value = providers[propName]();
    if (value in values[propName]) {
      return value;
    }
    throw null;
  }

// __PROPERTIES_BEGIN__
// __PROPERTIES_END__

  __MODULE_FUNC__.onScriptLoad = function(gwtOnLoadFunc) {
    __MODULE_FUNC__ = null;
    gwtOnLoad = gwtOnLoadFunc;
    maybeStartModule();
  };

  try {
    var strongName;
// __PERMUTATIONS_BEGIN__
// __PERMUTATIONS_END__
    var idx = strongName.indexOf(':');
    if (idx != -1) {
      softPermutationId = Number(strongName.substring(idx + 1));
    }
  } catch (e) {
    // An unsupported browser: the module does not start, as with GWT's own bootstrap.
    return;
  }

  function onBodyDone() {
    if (!bodyDone) {
      bodyDone = true;
      maybeStartModule();
    }
  }
  if ($doc.readyState == 'loading') {
    $doc.addEventListener('DOMContentLoaded', onBodyDone);
  } else {
    onBodyDone();
  }
}

__MODULE_FUNC__();
