-- Drives Neovim 0.7 as an LSP client of `periscope lsp --stdio`: waits for the seed's diagnostics, applies the quick
-- fix of line 20, waits for that finding to go, and writes what it saw as JSON to $PERISCOPE_NVIM_OUT.
local out = os.getenv('PERISCOPE_NVIM_OUT')
local bin = os.getenv('PERISCOPE_BIN')
local bufnr = vim.api.nvim_get_current_buf()
local result = { phase = 'start' }

local function finish()
  local file = io.open(out, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

local client_id = vim.lsp.start_client({
  name = 'periscope',
  cmd = { 'node', bin, 'lsp', '--stdio' },
  root_dir = vim.fn.expand('%:p:h'),
})
vim.lsp.buf_attach_client(bufnr, client_id)

local function on_line(line)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.lnum == line then table.insert(found, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) end
  end
  return found
end

if not vim.wait(120000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
  result.phase = 'no diagnostics'
  return finish()
end
result.before = #vim.diagnostic.get(bufnr)
result.line20_before = on_line(19)

local diagnostic = nil
for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, 19)) do diagnostic = d end
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = diagnostic.range,
  context = { diagnostics = { diagnostic } },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 30000)
local applied = nil
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    if not applied and action.kind == 'quickfix' and action.edit and string.find(action.title, 'session.props.id', 1, true) then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = action.title
    end
  end
end
result.applied = applied
result.line20_text = vim.api.nvim_buf_get_lines(bufnr, 19, 20, false)[1]
result.cleared = vim.wait(60000, function() return #on_line(19) == 0 end, 50)
result.after = #vim.diagnostic.get(bufnr)
result.phase = 'done'
finish()
