-- wrk script: reads only, alternating the owner's view and the social spec's public look-up.
local token = os.getenv("TOKEN")
local counter = 0

request = function()
  counter = counter + 1
  if counter % 2 == 0 then
    return wrk.format("GET", "/api/v1/profile/u/@load_user")
  end
  return wrk.format("GET", "/api/v1/profiles/me", { ["Authorization"] = "Bearer " .. token })
end
