#include "gui/backendcontext.h"

#include "services/instance.h"

namespace vingt::gui {

namespace {
BackendContext g_context;
}

Workspace &BackendContext::workspace() const
{
    Q_ASSERT(instance);
    return *instance->defaultWorkspace();
}

void BackendContext::setCurrent(const BackendContext &context)
{
    g_context = context;
}

const BackendContext &BackendContext::current()
{
    return g_context;
}

} // namespace vingt::gui
