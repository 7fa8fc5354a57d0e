-- wrk script: a mix of PUTs (creator partial updates) and GETs for one user, with its token.
-- Usage: TOKEN=... wrk -s put-mix.lua URL   (URL is the server's root)
local token = os.getenv("TOKEN")
local counter = 0

request = function()
  counter = counter + 1
  local headers = { ["Authorization"] = "Bearer " .. token }
  if counter % 2 == 0 then
    return wrk.format("GET", "/api/v1/profiles/me", headers)
  end
  headers["Content-Type"] = "application/json"
  local body = '{"bio": "Load run update ' .. counter .. '"}'
  return wrk.format("PUT", "/api/v1/profiles/me", headers, body)
end
