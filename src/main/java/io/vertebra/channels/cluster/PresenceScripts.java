package io.vertebra.channels.cluster;

/**
 * The Lua scripts that keep presence consistent across nodes. Each runs atomically in Redis, so two nodes adding
 * or removing the same user at the same moment still agree on who announces it. Per presence channel there are two
 * hashes: members ({@code nodeId|userId} → user_info) and users (userId → number of nodes holding the user).
 */
final class PresenceScripts {

  private PresenceScripts() {}

  /**
   * Registers a user on a node. KEYS: members, users, nodePresence. ARGV: field, userId, userInfo, maxMembers,
   * channel. Returns 1 when the user is new to the cluster, 0 when already known, -1 when the channel is full.
   */
  static final String JOIN = """
      if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
      local nodes = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
      if nodes == 0 and redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[4]) then return -1 end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
      redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
      redis.call('SADD', KEYS[3], ARGV[5])
      if nodes == 0 then return 1 end
      return 0
      """;

  /**
   * Unregisters a user from a node. KEYS: members, users, nodePresence. ARGV: field, userId, channel, "1" when the
   * node has no member left in the channel. Returns 1 when the user left the cluster (announce it), 0 when another
   * node still holds it, 2 when this node was not registered and nobody holds the user (someone else announced
   * the departure already, e.g. after reaping this node).
   */
  static final String LEAVE = """
      if ARGV[4] == '1' then redis.call('SREM', KEYS[3], ARGV[3]) end
      if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
        if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return 0 end
        return 2
      end
      if redis.call('HINCRBY', KEYS[2], ARGV[2], -1) <= 0 then
        redis.call('HDEL', KEYS[2], ARGV[2])
        return 1
      end
      return 0
      """;

  /**
   * Removes every member a (dead or stopping) node held in one channel. KEYS: members, users. ARGV: nodeId.
   * Returns the ids of the users who left the cluster with it.
   */
  static final String REAP = """
      local prefix = ARGV[1] .. '|'
      local gone = {}
      for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
        if string.sub(field, 1, #prefix) == prefix then
          redis.call('HDEL', KEYS[1], field)
          local user = string.sub(field, #prefix + 1)
          if redis.call('HINCRBY', KEYS[2], user, -1) <= 0 then
            redis.call('HDEL', KEYS[2], user)
            table.insert(gone, user)
          end
        end
      end
      return gone
      """;
}
