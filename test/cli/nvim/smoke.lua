-- Neovim attaches `incident-report lsp --stdio` to the report it opens, as a user's configuration would, and prints
-- what it sees on stdout: the diagnostics, the code actions for the missing section, the diagnostics once Neovim
-- has applied the preferred fix itself, and the server's exit code. By hand:
--   INCIDENT_REPORT_CLI=dist/cli.js nvim --headless -i NONE -n -u test/cli/nvim/smoke.lua <folder>/incidents/report.md
-- vim.lsp.start_client and buf_attach_client exist from Neovim 0.5 on (Debian 12 has 0.7.2), so one path serves
-- every version; newer ones also offer vim.lsp.start (0.8) and vim.lsp.config (0.11), which the README shows.
local function say(line)
  io.stdout:write(line, '\n')
end

local function show(diagnostics)
  for _, d in ipairs(diagnostics) do
    say(string.format('diagnostic %d:%d %s %s %s: %s', d.lnum + 1, d.col + 1, vim.diagnostic.severity[d.severity], d.source, d.code, d.message))
  end
end

local function missing_section(diagnostics)
  for _, d in ipairs(diagnostics) do
    if d.code == 'section.missing' then return d end
  end
end

local function smoke()
  local report = vim.api.nvim_get_current_buf()
  local exit_code
  local client_id = vim.lsp.start_client({
    name = 'incident-report',
    cmd = { 'node', os.getenv('INCIDENT_REPORT_CLI'), 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(report), ':h:h'),
    on_exit = function(code) exit_code = code end,
  })
  vim.lsp.buf_attach_client(report, client_id)

  if not vim.wait(20000, function() return #vim.diagnostic.get(report) > 0 end, 50) then
    say('no diagnostics within 20 s')
    return
  end
  say('filetype ' .. vim.bo[report].filetype .. ', ' .. #vim.diagnostic.get(report) .. ' diagnostics')
  show(vim.diagnostic.get(report))

  local missing = missing_section(vim.diagnostic.get(report))
  if missing then
    -- Back to the protocol's form, as Neovim's own code action request does (columns are bytes; the report is ASCII).
    local diagnostic = {
      range = { start = { line = missing.lnum, character = missing.col }, ['end'] = { line = missing.end_lnum, character = missing.end_col } },
      severity = missing.severity, message = missing.message, source = missing.source, code = missing.code,
    }
    local params = { textDocument = vim.lsp.util.make_text_document_params(report), range = diagnostic.range, context = { diagnostics = { diagnostic } } }
    local preferred
    for _, response in pairs(vim.lsp.buf_request_sync(report, 'textDocument/codeAction', params, 10000) or {}) do
      for _, action in ipairs(response.result or {}) do
        say('code action ' .. action.kind .. ': ' .. action.title .. (action.isPreferred and ' (preferred)' or ''))
        if action.isPreferred then preferred = action end
      end
    end
    if preferred then
      vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
      local fixed = vim.wait(20000, function() return missing_section(vim.diagnostic.get(report)) == nil end, 50)
      say(fixed and 'after the fix: no section.missing' or 'after the fix: section.missing is still there')
      show(vim.diagnostic.get(report))
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return exit_code ~= nil end, 50)
  say('server exit code ' .. tostring(exit_code))
end

-- The file is loaded once Neovim has started: the work begins on VimEnter (nvim_create_autocmd: Neovim 0.7 on).
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, failure = pcall(smoke)
    if not ok then say('error: ' .. tostring(failure)) end
    io.stdout:flush()
    vim.cmd('qall!')
  end,
})
